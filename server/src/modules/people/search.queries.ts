import { checkNir } from '@spie/contract/people';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import type { Deps } from '../../kernel/deps';
import { fieldError } from '../../kernel/errors';
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

/** Threshold of `<%` for name search (pg_trgm's default, 0.6, misses one typo in a short name). */
export const WORD_SIMILARITY = 0.5;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The people the actor may see matching the key, by relevance then name then id, with keyset
 * pagination. Names use pg_trgm on `persons.search_text` (GIN index): similarity for typos,
 * word similarity for one word of a longer name, and a prefix match for short input.
 */
export async function searchPersonIds(
  db: Db,
  actor: MemberActor,
  key: SearchKey,
  page: { after?: string | undefined; limit: number },
): Promise<{ ids: string[]; next: string | null }> {
  let score: RawBuilder<number> = sql<number>`1000`;
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
    case 'name': {
      const norm = sql`spie_unaccent(lower(${key.text}))`;
      const lowered = escapeLike(key.text.toLowerCase());
      const prefix = sql`spie_unaccent(${`${lowered}%`})`;
      const wordPrefix = sql`spie_unaccent(${`% ${lowered}%`})`;
      score = sql<number>`(round(greatest(similarity(persons.search_text, ${norm}), word_similarity(${norm}, persons.search_text)) * 1000)::int
        + case when persons.search_text like ${prefix} then 1000 else 0 end)`;
      // Word similarity (one typo in a word still matches at 0.5) served by the GIN trigram index;
      // whole-string similarity (`%`) was measured 7× slower at 100k people for common names.
      // Inputs too short for trigrams match as a prefix of the name or of any word.
      query = query.where(
        key.text.length < 3
          ? sql<boolean>`(persons.search_text like ${prefix} or persons.search_text like ${wordPrefix})`
          : sql<boolean>`(${norm} <% persons.search_text or persons.search_text like ${prefix})`,
      );
      await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(
        db,
      );
      break;
    }
  }
  const cursor = decodeCursor(
    page.after,
    3,
    (v) => Number.isInteger(v[0]) && typeof v[1] === 'string' && isUuidValue(v[2]),
  );
  if (cursor) {
    const [s, name, id] = cursor;
    query = query.where(
      sql<boolean>`(${score} < ${s} or (${score} = ${s} and (persons.search_text, persons.id) > (${name}, ${id}::uuid)))`,
    );
  }
  const rows = await query
    .select(['persons.id', 'persons.search_text', score.as('score')])
    .orderBy(sql`score desc`)
    .orderBy('persons.search_text')
    .orderBy('persons.id')
    .limit(page.limit + 1)
    .execute();
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    ids: pageRows.map((r) => r.id),
    next:
      rows.length > page.limit && last ? encodeCursor([Number(last.score), last.search_text, last.id]) : null,
  };
}
