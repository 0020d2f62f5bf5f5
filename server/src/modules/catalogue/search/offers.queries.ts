import type { Public } from '@spie/contract/catalogue';
import {
  type ConstraintFamily,
  constraintFamilies,
  constraintFamilyLabels,
  type ProfessionalAxis,
  professionalAxes,
  professionalAxisLabels,
} from '@spie/contract/diagnostics';
import { sql } from 'kysely';
import type { Db } from '../../../db/database';
import type { ThematiqueMapping } from '../../diagnostics';
import type { GeoPoint } from '../catalogue.cards';
import { eligibleSql, remoteOnlySql, withinSql } from './search.queries';

/** A need of the person's latest diagnostic and the thematiques that answer it. */
export interface Need {
  theme: string;
  label: string;
  thematiques: string[];
}

export interface DiagnosticBasis {
  version: number;
  needs: Need[];
  mobilityRadiusKm: number | null;
  rqth: boolean;
}

interface StoredContent {
  situation?: { mobilityRadiusKm?: number | null; rqth?: string | null };
  constraints?: Partial<Record<string, { impact?: string }>>;
  axes?: Partial<Record<string, { level?: string }>>;
}

/**
 * Needs of a diagnostic: constraint families with a strong or medium impact, professional axes
 * marked « besoin », each with the thematiques the territory's mapping gives it.
 */
export function needsOf(content: StoredContent, mapping: ThematiqueMapping): Need[] {
  const needs: Need[] = [];
  for (const family of constraintFamilies) {
    const impact = content.constraints?.[family]?.impact;
    if (impact !== 'fort' && impact !== 'moyen') continue;
    const thematiques = mapping.constraints[family as ConstraintFamily] ?? [];
    if (thematiques.length > 0)
      needs.push({ theme: family, label: constraintFamilyLabels[family], thematiques });
  }
  for (const axis of professionalAxes) {
    if (content.axes?.[axis]?.level !== 'besoin') continue;
    const thematiques = mapping.axes[axis as ProfessionalAxis] ?? [];
    if (thematiques.length > 0) needs.push({ theme: axis, label: professionalAxisLabels[axis], thematiques });
  }
  return needs;
}

/** The latest completed diagnostic of a person, as the basis of offers (null when none). */
export async function diagnosticBasis(
  db: Db,
  territoryId: string,
  personId: string,
  mapping: ThematiqueMapping,
): Promise<DiagnosticBasis | null> {
  const row = await db
    .selectFrom('diagnostics')
    .select(['version', 'content'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'completed')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const content = (row.content ?? {}) as StoredContent;
  const radius = content.situation?.mobilityRadiusKm;
  return {
    version: row.version ?? 0,
    needs: needsOf(content, mapping),
    mobilityRadiusKm: typeof radius === 'number' && radius > 0 ? radius : null,
    rqth: content.situation?.rqth === 'yes',
  };
}

/** Open RSA rights: ETATDOSRSA « droit ouvert » (versable, suspendu, montant suspendu). */
const OPEN_RSA = ['2', '3', '4'];

export interface PersonFacts {
  communeCode: string | null;
  publics: Public[];
}

/**
 * The publics of data·inclusion a person belongs to, from their record and statuses in force
 * today (RSA open, RQTH, France Travail registration), age and sex.
 */
export async function personFacts(
  db: Db,
  territoryId: string,
  personId: string,
  today: string,
  diagnosticRqth: boolean,
): Promise<PersonFacts> {
  const [person, statuses] = await Promise.all([
    db
      .selectFrom('persons')
      .select(['birth_date', 'sex', 'commune_code'])
      .where('territory_id', '=', territoryId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('person_statuses')
      .select(['kind', 'value'])
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', personId)
      .where('kind', 'in', ['rsa', 'rqth', 'france_travail_registration'])
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
      .orderBy('start_date', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute(),
  ]);
  const current = new Map<string, string | null>();
  for (const s of statuses) if (!current.has(s.kind)) current.set(s.kind, s.value);

  const publics: Public[] = [];
  const rsa = current.get('rsa');
  if (rsa !== undefined && rsa !== null && OPEN_RSA.includes(rsa))
    publics.push('beneficiaires-des-minimas-sociaux');
  const age = ageOn(String(person.birth_date).slice(0, 10), today);
  if (age < 26) publics.push('jeunes');
  if (age >= 50) publics.push('seniors');
  if (current.has('rqth') || diagnosticRqth) publics.push('personnes-en-situation-de-handicap');
  if (current.has('france_travail_registration')) publics.push('demandeurs-emploi');
  if (person.sex === 'F') publics.push('femmes');
  return { communeCode: person.commune_code, publics };
}

/** Age in whole years on an ISO date. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export interface OfferRow {
  id: string;
  /** Indexes (in `needs`) of the needs the service answers. */
  matched: number[];
  /** null for a remote service. */
  dist: number | null;
  publics: string[] | null;
  waiting_list_enabled: boolean;
}

/**
 * Up to `limit` published services answering at least one need, met in person within the radius
 * or remote and open to the commune, whose publics fit the person's (or are for everyone); by
 * number of needs answered, then distance (remote last), then quality. Two index-driven branches
 * (GIN on thematiques with the GiST box / remote-only), merged and sorted.
 */
/** How many in-person matches, nearest first, are ranked by needs met (enough for 20 suggestions). */
export const NEAREST_CANDIDATES = 300;

export async function matchingOffers(
  db: Db,
  territoryId: string,
  needs: readonly Need[],
  publics: readonly string[],
  place: { from: GeoPoint; communeCode: string; radiusKm: number } | null,
  limit: number,
): Promise<OfferRow[]> {
  if (needs.length === 0) return [];
  const all = [...new Set(needs.flatMap((n) => n.thematiques))];
  const matchedArray = sql`array_remove(array[${sql.join(
    needs.map((n, i) => sql`case when s.thematiques && ${n.thematiques}::text[] then ${i}::int end`),
  )}], null)`;
  const common = sql`s.territory_id = ${territoryId} and s.status = 'publie'
    and s.thematiques && ${all}::text[]
    and (s.publics is null or cardinality(s.publics) = 0 or s.publics && ${['tous-publics', ...publics]}::text[])`;
  // In person: the NEAREST_CANDIDATES nearest matches, found by walking the GiST index outwards
  // (KNN `<->`) instead of ranking every match of a dense disc (thousands around Bobigny at scale).
  const point = place
    ? sql`ll_to_earth(${place.from.latitude}::float8, ${place.from.longitude}::float8)`
    : sql``;
  const nearby = place
    ? sql`
      select * from (
        select s.id, ${matchedArray} as matched,
          earth_distance(${point}, ll_to_earth(s.latitude, s.longitude)) as dist,
          s.publics, s.waiting_list_enabled, s.quality_score
        from catalogue_services s
        where ${common} and not ${remoteOnlySql} and ${withinSql(place.from, place.radiusKm)}
        order by ll_to_earth(s.latitude, s.longitude) <-> ${point}
        limit ${NEAREST_CANDIDATES}
      ) near
      union all `
    : sql``;
  const rows = await sql<OfferRow & { quality_score: string }>`
    select x.id, x.matched, x.dist, x.publics, x.waiting_list_enabled from (
      ${nearby}
      select s.id, ${matchedArray} as matched, null::float8 as dist, s.publics, s.waiting_list_enabled,
        s.quality_score
      from catalogue_services s
      where ${common} and ${remoteOnlySql} and ${eligibleSql(place?.communeCode ?? null)}
    ) x
    order by cardinality(x.matched) desc, x.dist asc nulls last, x.quality_score desc, x.id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    matched: (r.matched ?? []).map(Number),
    dist: r.dist === null ? null : Number(r.dist),
    publics: r.publics,
    waiting_list_enabled: r.waiting_list_enabled,
  }));
}
