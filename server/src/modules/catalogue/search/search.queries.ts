import { diThematiques, thematiqueCategories } from '@spie/contract/catalogue';
import { occupyingStatuses } from '@spie/contract/referrals';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database';
import { searchText } from '../../../db/referenceData';
import { DomainError } from '../../../kernel/errors';
import type { GeoPoint } from '../catalogue.cards';

/*
 * The search reads only ids and sort keys here; the cards of a page are then loaded by
 * `loadServiceCards` (one query + placesOf). Every filter is plain SQL on `catalogue_services`
 * so that PostgreSQL can use the partial indexes of published services:
 * - `thematiques && $1` → GIN `catalogue_services_thematiques`;
 * - `$word <% search_text` → trigram GIN `catalogue_services_text`;
 * - `earth_box(…) @> ll_to_earth(latitude, longitude)` → GiST `catalogue_services_earth`.
 */

/** Word similarity (pg_trgm) a typed word needs: « mobilté » still finds « mobilité ». */
export const WORD_SIMILARITY = 0.4;
/** An open session starting within this many days makes a service « available ». */
export const SOON_DAYS = 60;

export interface Commune {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** A commune of the reference list with its centroid (validation error when unknown). */
export async function communeCentroid(db: Db, code: string): Promise<Commune> {
  const row = await db
    .selectFrom('communes')
    .select(['code', 'name', 'latitude', 'longitude'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row || row.latitude === null || row.longitude === null) {
    throw new DomainError(
      'validation',
      'catalogue.unknown_commune',
      'Commune inconnue : choisissez-la dans la liste.',
      [{ path: 'commune', message: 'Commune inconnue.' }],
    );
  }
  return { code: row.code, name: row.name, latitude: row.latitude, longitude: row.longitude };
}

/** The département of a commune: 2 characters (2A/2B included), 3 overseas (97x). */
export const departementOf = (communeCode: string): string =>
  communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);

const CATEGORIES: ReadonlySet<string> = new Set(thematiqueCategories);

/** Categories (`mobilite`) become all their sub-thematiques; sub-thematiques are kept as they are. */
export function expandThematiques(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (CATEGORIES.has(v)) {
      out.add(v);
      for (const t of diThematiques) if (t.value.startsWith(`${v}--`)) out.add(t.value);
    } else out.add(v);
  }
  return [...out];
}

const allWords = (q: string | undefined): string[] =>
  q ? [...new Set(searchText(q).split(/\s+/))].filter(Boolean).slice(0, 8) : [];

/** The words of a text query that trigrams can match (3 letters or more, accents removed). */
export const queryWords = (q: string | undefined): string[] => allWords(q).filter((w) => w.length >= 3);

/** Shorter words (« cv », « rh »): they must start a word of the text. */
export const queryPrefixes = (q: string | undefined): string[] => allWords(q).filter((w) => w.length < 3);

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchFilters {
  territoryId: string;
  thematiques: string[];
  types: string[];
  publics: string[];
  frais: string[];
  modesAccueil: string[];
  words: string[];
  /** Words of 1–2 letters, matched at the start of a word of the text. */
  prefixes?: string[];
  available: boolean;
  today: string;
}

/** Sets the word-similarity threshold of `<%` for this transaction (call once before the queries). */
export async function prepareTextSearch(db: Db, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(
    db,
  );
}

const earth = (p: GeoPoint) => sql`ll_to_earth(${p.latitude}::float8, ${p.longitude}::float8)`;
const serviceEarth = sql`ll_to_earth(s.latitude, s.longitude)`;
const modes = sql`coalesce(s.modes_accueil, '{}'::text[])`;
/** Only remote: `a-distance` without `en-presentiel` (these go to their own group). */
export const remoteOnlySql = sql<boolean>`(${modes} @> array['a-distance']::text[] and not ${modes} @> array['en-presentiel']::text[])`;

/** Relevance, 0–1000: the mean word similarity when words are typed, else the quality score. */
export function relevanceSql(words: readonly string[]): RawBuilder<number> {
  if (words.length === 0) return sql<number>`round(s.quality_score * 1000)::int`;
  return sql<number>`round((${sql.join(
    words.map((w) => sql`word_similarity(${w}, s.search_text)`),
    sql` + `,
  )}) * 1000 / ${words.length})::int`;
}

/** Free places (placesOf semantics) or an open session starting within 60 days, in SQL. */
export function availableSql(today: string): RawBuilder<boolean> {
  return sql<boolean>`(
    exists (
      select 1 from catalogue_sessions se
      where se.territory_id = s.territory_id and se.service_id = s.id and se.status = 'ouverte'
        and se.start_date >= ${today}::date and se.start_date <= ${today}::date + ${SOON_DAYS}::int)
    or coalesce(s.capacity, (
      select sum(se.places)::int from catalogue_sessions se
      where se.territory_id = s.territory_id and se.service_id = s.id and se.places is not null
        and se.status not in ('annulee', 'terminee') and (se.end_date is null or se.end_date >= ${today}::date)
    )) > (
      select count(*) from referrals r
      where r.territory_id = s.territory_id and r.service_id = s.id
        and r.status = any(${[...occupyingStatuses]}::text[])))`;
}

/** The conditions shared by every group (published service of the territory + the filters). */
export function filterSql(f: SearchFilters): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`s.territory_id = ${f.territoryId}`, sql`s.status = 'publie'`];
  if (f.thematiques.length > 0) parts.push(sql`s.thematiques && ${expandThematiques(f.thematiques)}::text[]`);
  if (f.types.length > 0) parts.push(sql`s.type = any(${f.types}::text[])`);
  if (f.publics.length > 0)
    parts.push(sql`(s.publics is null or s.publics && ${['tous-publics', ...f.publics]}::text[])`);
  if (f.frais.length > 0) parts.push(sql`s.frais = any(${f.frais}::text[])`);
  if (f.modesAccueil.length > 0) parts.push(sql`s.modes_accueil && ${f.modesAccueil}::text[]`);
  for (const w of f.words) parts.push(sql`${w} <% s.search_text`);
  for (const w of f.prefixes ?? [])
    parts.push(
      sql`(s.search_text like ${`${escapeLike(w)}%`} or s.search_text like ${`% ${escapeLike(w)}%`})`,
    );
  if (f.available) parts.push(availableSql(f.today));
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** In person, within `radiusKm` of `from` (GiST box first, then the exact distance). */
export function withinSql(from: GeoPoint, radiusKm: number): RawBuilder<boolean> {
  const meters = radiusKm * 1000;
  return sql<boolean>`(s.latitude is not null and s.longitude is not null
    and earth_box(${earth(from)}, ${meters}::float8) @> ${serviceEarth}
    and earth_distance(${earth(from)}, ${serviceEarth}) <= ${meters}::float8)`;
}

/** Distance in metres (integer, for a stable keyset). */
export const distanceMetersSql = (from: GeoPoint) =>
  sql<number>`round(earth_distance(${earth(from)}, ${serviceEarth}))::int`;

/** Remote services open to a commune: no zone, or the commune, its département or `france`. */
export function eligibleSql(communeCode: string | null): RawBuilder<boolean> {
  const zones = communeCode ? [communeCode, departementOf(communeCode), 'france'] : ['france'];
  return sql<boolean>`(s.zone_eligibilite is null or cardinality(s.zone_eligibilite) = 0 or s.zone_eligibilite && ${zones}::text[])`;
}

export interface NearbyRow {
  id: string;
  dist: number | null;
  rel: number;
}

/**
 * One page of services met in person. With `from`: within the radius, by distance (metres), then
 * relevance, then id; without: every match by relevance then id.
 * Cursor: [dist, rel, id] with a point, [rel, id] without.
 */
export function nearbyQuery(
  f: SearchFilters,
  geo: { from: GeoPoint; radiusKm: number } | null,
  cursor: (string | number)[] | null,
  limit: number,
): RawBuilder<NearbyRow> {
  const rel = relevanceSql(f.words);
  if (geo) {
    const after = cursor
      ? sql`and (x.dist, -x.rel, x.id) > (${cursor[0]}::int, ${-Number(cursor[1])}::int, ${cursor[2]}::text)`
      : sql``;
    return sql<NearbyRow>`
      select x.id, x.dist, x.rel from (
        select s.id, ${distanceMetersSql(geo.from)} as dist, ${rel} as rel
        from catalogue_services s
        where ${filterSql(f)} and not ${remoteOnlySql} and ${withinSql(geo.from, geo.radiusKm)}
      ) x
      where true ${after}
      order by x.dist, x.rel desc, x.id
      limit ${limit}`;
  }
  const after = cursor ? sql`and (-x.rel, x.id) > (${-Number(cursor[0])}::int, ${cursor[1]}::text)` : sql``;
  return sql<NearbyRow>`
    select x.id, null::int as dist, x.rel from (
      select s.id, ${rel} as rel
      from catalogue_services s
      where ${filterSql(f)} and not ${remoteOnlySql}
    ) x
    where true ${after}
    order by x.rel desc, x.id
    limit ${limit}`;
}

/**
 * Distance (metres) of the `limit`-th match after the cursor, walking the GiST index from the
 * nearest service outwards (`<->`, KNN): a few hundred index entries instead of every service of a
 * dense 30 km disc (34,000 around Bobigny at scale: 350 ms → 2 ms). Null when fewer remain.
 */
async function pageEdgeMeters(
  db: Db,
  f: SearchFilters,
  geo: { from: GeoPoint; radiusKm: number },
  cursor: (string | number)[] | null,
  limit: number,
): Promise<number | null> {
  const rel = relevanceSql(f.words);
  const after = cursor
    ? sql`and (${distanceMetersSql(geo.from)}, -${rel}, s.id) > (${cursor[0]}::int, ${-Number(cursor[1])}::int, ${cursor[2]}::text)`
    : sql``;
  const row = await sql<{ dist: number | string }>`
    select ${distanceMetersSql(geo.from)} as dist from catalogue_services s
    where ${filterSql(f)} and not ${remoteOnlySql} and ${withinSql(geo.from, geo.radiusKm)} ${after}
    order by ${serviceEarth} <-> ${earth(geo.from)}
    offset ${limit - 1} limit 1`.execute(db);
  const dist = row.rows[0]?.dist;
  return dist === undefined ? null : Number(dist);
}

export async function nearbyPage(
  db: Db,
  f: SearchFilters,
  geo: { from: GeoPoint; radiusKm: number } | null,
  cursor: (string | number)[] | null,
  limit: number,
): Promise<NearbyRow[]> {
  // The page ends at the limit-th service by distance: only the disc up to it is sorted by
  // (distance, relevance, id) — every service at that same distance included, so ties stay exact.
  const edge = geo ? await pageEdgeMeters(db, f, geo, cursor, limit) : null;
  const bounded =
    geo && edge !== null ? { ...geo, radiusKm: Math.min(geo.radiusKm, (edge + 1) / 1000) } : geo;
  const rows = await nearbyQuery(f, bounded, cursor, limit).execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    dist: r.dist === null ? null : Number(r.dist),
    rel: Number(r.rel),
  }));
}

/** Counting stops there: « plus de 200 offres » is all a person needs to read, and it stays cheap. */
export const COUNT_CAP = 200;

/**
 * How many services are met in person with these filters (same conditions as `nearbyPage`), up to
 * `COUNT_CAP` + 1: `capped` says the real number is higher.
 */
export async function nearbyCount(
  db: Db,
  f: SearchFilters,
  geo: { from: GeoPoint; radiusKm: number } | null,
): Promise<{ total: number; capped: boolean }> {
  const within = geo ? sql`and ${withinSql(geo.from, geo.radiusKm)}` : sql``;
  const row = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from catalogue_services s
      where ${filterSql(f)} and not ${remoteOnlySql} ${within}
      limit ${COUNT_CAP + 1}
    ) x`.execute(db);
  const n = Number(row.rows[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Remote-only services open to the commune (all of them without a commune), by relevance. */
export async function remoteIds(db: Db, f: SearchFilters, communeCode: string | null, limit: number) {
  const eligible = communeCode ? sql`and ${eligibleSql(communeCode)}` : sql``;
  const rows = await sql<{ id: string }>`
    select s.id from catalogue_services s
    where ${filterSql(f)} and ${remoteOnlySql} ${eligible}
    order by ${relevanceSql(f.words)} desc, s.id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}
