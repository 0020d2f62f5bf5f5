import type { DirectoryCard, PersonSummary } from '@spie/contract/people';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { directoryCards } from './directory.queries';
import { mayFind } from './people.access';
import { loadRelation } from './people.relation';
import { personSummaries } from './person.queries';

export type MatchedOn = 'nir' | 'benefit_matricule' | 'france_travail_id' | 'name_birth_date';

export interface DuplicateProbe {
  nirIndex: string | null;
  benefitOrganism: string | null;
  benefitMatricule: string | null;
  householdRole: string | null;
  franceTravailId: string | null;
  birthName: string | null;
  firstNames: string[];
  birthDate: string | null;
}

/** Trigram similarity of "birth name first names" from which two records of the same birth date are a likely duplicate. */
export const NAME_SIMILARITY = 0.4;
const LIMIT_PER_RULE = 10;

/**
 * Likely duplicates, rule by rule in the order of their strength: NIR, CAF/MSA matricule and role
 * in the household (a couple shares one matricule), France Travail id, then birth name + first
 * names close enough with the same birth date. A person found by a stronger rule is not repeated.
 */
export async function findDuplicateMatches(
  db: Db,
  territoryId: string,
  probe: DuplicateProbe,
  excludeId: string | null = null,
): Promise<{ personId: string; matchedOn: MatchedOn }[]> {
  const base = () => {
    let q = db
      .selectFrom('persons')
      .select('persons.id')
      .where('persons.territory_id', '=', territoryId)
      .where('persons.merged_into_id', 'is', null);
    if (excludeId) q = q.where('persons.id', '!=', excludeId);
    return q;
  };
  const found: { personId: string; matchedOn: MatchedOn }[] = [];
  const add = (ids: { id: string }[], matchedOn: MatchedOn) => {
    for (const { id } of ids)
      if (!found.some((f) => f.personId === id)) found.push({ personId: id, matchedOn });
  };
  if (probe.nirIndex) {
    add(await base().where('persons.nir_index', '=', probe.nirIndex).limit(LIMIT_PER_RULE).execute(), 'nir');
  }
  if (probe.benefitMatricule) {
    const { benefitOrganism: organism, householdRole: role } = probe;
    let q = base().where('persons.benefit_matricule', '=', probe.benefitMatricule);
    if (organism)
      q = q.where((eb) =>
        eb.or([eb('persons.benefit_organism', '=', organism), eb('persons.benefit_organism', 'is', null)]),
      );
    // The demandeur and the conjoint of one household share the matricule: a different role is someone else.
    if (role)
      q = q.where((eb) =>
        eb.or([eb('persons.household_role', '=', role), eb('persons.household_role', 'is', null)]),
      );
    add(await q.limit(LIMIT_PER_RULE).execute(), 'benefit_matricule');
  }
  if (probe.franceTravailId) {
    add(
      await base()
        .where('persons.france_travail_id', '=', probe.franceTravailId.toUpperCase())
        .limit(LIMIT_PER_RULE)
        .execute(),
      'france_travail_id',
    );
  }
  if (probe.birthName && probe.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(probe.birthDate)) {
    const wanted = [probe.birthName, ...probe.firstNames].join(' ');
    const names = sql`spie_unaccent(lower(persons.birth_name || ' ' || ${
      probe.firstNames.length > 0 ? sql`array_to_string(persons.first_names, ' ')` : sql`''`
    }))`;
    const score = sql<number>`greatest(
      similarity(${names}, spie_unaccent(lower(${wanted}))),
      similarity(persons.search_text, spie_unaccent(lower(${wanted}))))`;
    add(
      await base()
        .where('persons.birth_date', '=', probe.birthDate)
        .where(sql<boolean>`${score} >= ${NAME_SIMILARITY}`)
        .orderBy(sql`${score} desc`)
        .orderBy('persons.id')
        .limit(LIMIT_PER_RULE)
        .execute(),
      'name_birth_date',
    );
  }
  return found;
}

export interface DuplicateCandidate {
  matchedOn: MatchedOn;
  person: PersonSummary | null;
  card: DirectoryCard | null;
}

/** Each candidate as the caller may see it: the summary when they may find the person, else the directory card. */
export async function describeCandidates(
  db: Db,
  actor: MemberActor,
  matches: { personId: string; matchedOn: MatchedOn }[],
  today: string,
): Promise<DuplicateCandidate[]> {
  const readable: string[] = [];
  for (const m of matches) {
    if (mayFind(actor, await loadRelation(db, actor, m.personId))) readable.push(m.personId);
  }
  const summaries = new Map((await personSummaries(db, actor, readable, today)).map((s) => [s.id, s]));
  const cards = new Map(
    (
      await directoryCards(
        db,
        actor,
        matches.map((m) => m.personId).filter((id) => !summaries.has(id)),
      )
    ).map((c) => [c.personId, c]),
  );
  return matches.map((m) => ({
    matchedOn: m.matchedOn,
    person: summaries.get(m.personId) ?? null,
    card: summaries.has(m.personId) ? null : (cards.get(m.personId) ?? null),
  }));
}
