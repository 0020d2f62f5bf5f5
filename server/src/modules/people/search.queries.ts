import { checkNir } from '@spie/contract/people';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import type { Deps } from '../../kernel/deps';
import { fieldError } from '../../kernel/errors';
import { escapeLike } from '../../kernel/sqlText';
import { visibleTo } from './people.relation';

export type SearchKey =
  | { kind: 'nir'; nirIndex: string }
  | { kind: 'birth_date'; birthDate: string }
  | { kind: 'benefit_matricule'; matricule: string }
  | { kind: 'france_travail_id'; id: string }
  | { kind: 'name'; text: string };

const isRealDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/** What the search box holds: a NIR, a birth date, a CAF matricule, a France Travail id, or a name. */
export function classifyQuery(deps: Deps, q: string): SearchKey {
  const text = q.trim();
  const compact = text.replace(/[\s.-]/g, '');
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const isoMatch = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (fr || isoMatch) {
    const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text;
    if (!isRealDate(iso)) throw fieldError('people.search.invalid_date', 'q', 'Cette date n’existe pas.');
    return { kind: 'birth_date', birthDate: iso };
  }
  if (/^\d{13}$|^\d{15}$|^\d{5}2[AB]\d{6,8}$/i.test(compact)) {
    const nir = checkNir(compact);
    if (!nir.ok) throw fieldError(nir.code, 'q', nir.message);
    return { kind: 'nir', nirIndex: deps.crypto.blindIndex(nir.nir) };
  }
  if (/^\d{7}$/.test(compact)) return { kind: 'benefit_matricule', matricule: compact };
  if (/^[0-9A-Z]{8,11}$/i.test(compact) && /\d/.test(compact))
    return { kind: 'france_travail_id', id: compact.toUpperCase() };
  return { kind: 'name', text };
}

/**
 * Threshold of `<%`, per word typed. One word: 0.5, so that spelling variants of a surname still
 * match ("lefevre" → "Lefebvre"). Several words: 0.6 each — the other words already narrow the
 * search, and 0.5 would let "marie" match every "Martin".
 */
export const WORD_SIMILARITY = { oneWord: 0.5, eachOfSeveral: 0.6 } as const;

type Page = { after?: string | undefined; limit: number };
type Found = { ids: string[]; next: string | null };

/**
 * The people the actor may see matching the key, with keyset pagination. Identifiers are exact
 * matches; names go through `searchByName`.
 */
export async function searchPersonIds(
  db: Db,
  actor: MemberActor,
  key: SearchKey,
  page: Page,
): Promise<Found> {
  if (key.kind === 'name') return searchByName(db, actor, key.text, page);
  let query = db.selectFrom('persons').where(visibleTo(actor));
  switch (key.kind) {
    case 'nir':
      query = query.where('persons.nir_index', '=', key.nirIndex);
      break;
    case 'birth_date':
      query = query.where('persons.birth_date', '=', key.birthDate);
      break;
    case 'benefit_matricule':
      query = query.where('persons.benefit_matricule', '=', key.matricule);
      break;
    case 'france_travail_id':
      query = query.where('persons.france_travail_id', '=', key.id);
      break;
  }
  const cursor = decodeCursor(page.after, 2, (v) => typeof v[0] === 'string' && isUuidValue(v[1]));
  if (cursor)
    query = query.where(sql<boolean>`(persons.search_text, persons.id) > (${cursor[0]}, ${cursor[1]}::uuid)`);
  const rows = await query
    .select(['persons.id', 'persons.search_text'])
    .orderBy('persons.search_text')
    .orderBy('persons.id')
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    ids: pageRows.map((r) => r.id),
    next: rows.length > page.limit && last ? encodeCursor([last.search_text, last.id]) : null,
  };
}

/**
 * Names, in two tiers so that the common case reads a handful of index entries:
 * 1. names starting with what was typed ("mar" → Martin…), in alphabetical order, straight from
 *    the btree on `persons.search_text` (C collation serves LIKE 'x%' and ORDER BY alike);
 * 2. then, when that tier runs out, approximate matches (a typo, a first name, another word of
 *    the name) by pg_trgm word similarity on the GIN index, best first.
 * The cursor says which tier it stopped in: [tier, score, search_text, id].
 */
async function searchByName(db: Db, actor: MemberActor, text: string, page: Page): Promise<Found> {
  const { norm } = await sql<{ norm: string }>`select spie_unaccent(lower(${text})) as norm`
    .execute(db)
    .then((r) => r.rows[0] ?? { norm: text.toLowerCase() });
  const prefix = `${escapeLike(norm)}%`;
  const cursor = decodeCursor(
    page.after,
    4,
    (v) =>
      (v[0] === 0 || v[0] === 1) && Number.isInteger(v[1]) && typeof v[2] === 'string' && isUuidValue(v[3]),
  );
  const ids: string[] = [];
  const followed = followedPersons(db, actor);

  if (!cursor || cursor[0] === 0) {
    let q = followed.base
      .selectFrom('persons')
      .select(['persons.id', 'persons.search_text'])
      .where(visibleTo(actor))
      .where(followed.filter)
      .where(sql<boolean>`persons.search_text like ${prefix}`);
    if (cursor)
      q = q.where(sql<boolean>`(persons.search_text, persons.id) > (${cursor[2]}, ${cursor[3]}::uuid)`);
    const rows = await q
      .orderBy('persons.search_text')
      .orderBy('persons.id')
      .limit(page.limit + 1)
      .execute();
    if (rows.length > page.limit) {
      const last = rows[page.limit - 1];
      return {
        ids: rows.slice(0, page.limit).map((r) => r.id),
        next: last ? encodeCursor([0, 0, last.search_text, last.id]) : null,
      };
    }
    ids.push(...rows.map((r) => r.id));
  }
  // Second tier: every word typed must be found, allowing typos (trigrams, words of 3 letters
  // or more) or as the start of a word (shorter ones). Without a 3-letter word, stop here.
  const words = norm.split(/\s+/).filter(Boolean);
  const long = words.filter((w) => w.length >= 3);
  if (long.length === 0) return { ids, next: null };
  const remaining = page.limit - ids.length;

  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(long.length > 1 ? WORD_SIMILARITY.eachOfSeveral : WORD_SIMILARITY.oneWord)}, true)`.execute(
    db,
  );
  const score = sql<number>`round((${sql.join(
    long.map((w) => sql`word_similarity(${w}, persons.search_text)`),
    sql` + `,
  )}) * 1000 / ${long.length})::int`;
  // The trigram candidates are gathered first, from the GIN index only: left to itself the
  // planner may walk the whole btree and test every name (measured 350 ms at 100,000 people).
  let q = followed.base
    .with(
      (cte) => cte('trgm_candidates').materialized(),
      (qb) =>
        qb
          .selectFrom('persons')
          .select('persons.id')
          .where('persons.territory_id', '=', actor.territoryId)
          .where((eb) => eb.and(long.map((w) => sql<boolean>`${w} <% persons.search_text`))),
    )
    .selectFrom('persons')
    .select(['persons.id', 'persons.search_text', score.as('score')])
    .where(visibleTo(actor))
    .where(followed.filter)
    // Territory-wide: candidates from the GIN index. Followed people only: test their few names.
    .where(
      followed.territoryWide
        ? sql<boolean>`persons.id in (select id from trgm_candidates)`
        : sql<boolean>`(${sql.join(
            long.map((w) => sql`${w} <% persons.search_text`),
            sql` and `,
          )})`,
    )
    .where(sql<boolean>`persons.search_text not like ${prefix}`);
  for (const w of words.filter((word) => word.length < 3)) {
    const start = `${escapeLike(w)}%`;
    const inside = `% ${escapeLike(w)}%`;
    q = q.where(sql<boolean>`(persons.search_text like ${start} or persons.search_text like ${inside})`);
  }
  if (cursor && cursor[0] === 1) {
    const [, s, t, id] = cursor;
    q = q.where(
      sql<boolean>`(${score} < ${s} or (${score} = ${s} and (persons.search_text, persons.id) > (${t}, ${id}::uuid)))`,
    );
  }
  const rows = await q
    .orderBy(sql`score desc`)
    .orderBy('persons.search_text')
    .orderBy('persons.id')
    .limit(remaining + 1)
    .execute();
  if (remaining === 0) {
    // The prefix tier filled the page exactly: the next page starts the second tier, if it has anything.
    return {
      ids,
      next: rows.length > 0 ? encodeCursor([1, 1001, '', '00000000-0000-4000-8000-000000000000']) : null,
    };
  }
  ids.push(...rows.slice(0, remaining).map((r) => r.id));
  const last = rows[remaining - 1];
  return {
    ids,
    next:
      rows.length > remaining && last
        ? encodeCursor([1, Number(last.score), last.search_text, last.id])
        : null,
  };
}

/**
 * For those who only see the people they follow (a few hundred), gather those first, once, so
 * that the name conditions run on them rather than on the territory's index (measured: a
 * référent's search walked thousands of "mar…" entries to find his 51). Territory-wide roles
 * get no extra filter. `visibleTo` still applies on top: this only guides the plan.
 */
function followedPersons(db: Db, actor: MemberActor) {
  const territoryWide = actor.role === 'orientation_manager' || actor.role === 'territory_admin';
  const base = db.with(
    (cte) => cte('followed_ids').materialized(),
    (qb) => {
      const active = qb
        .selectFrom('follow_ups')
        .select('follow_ups.person_id')
        .where('follow_ups.territory_id', '=', actor.territoryId)
        .where('follow_ups.organisation_id', '=', actor.organisationId)
        .where('follow_ups.status', '=', 'active');
      if (actor.role === 'structure_manager') return active;
      // Two index-friendly halves rather than "account = me OR account IS NULL" (which made the
      // planner read the whole organisation's follow-ups: 14 ms instead of < 1 ms).
      return active
        .where('follow_ups.account_id', '=', actor.accountId)
        .unionAll(active.where('follow_ups.account_id', 'is', null));
    },
  );
  // PostgreSQL does not run a CTE no one reads: territory-wide roles pay nothing for it.
  return {
    base,
    territoryWide,
    filter: territoryWide
      ? sql<boolean>`true`
      : sql<boolean>`persons.id in (select person_id from followed_ids)`,
  };
}
