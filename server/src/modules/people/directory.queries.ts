import type { DirectoryCard, TeamRole } from '@spie/contract/people';
import type { OrganisationKind } from '@spie/contract/territories';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { directoryName } from './person.queries';

/** At most this many cards: the directory answers "is this person known", it is not a list. */
export const DIRECTORY_LIMIT = 20;

/**
 * Persons matching a directory search: by NIR (blind index), or by birth date and a name close
 * enough (trigram similarity, accent- and case-insensitive). The birth date index narrows first.
 */
export async function directoryMatches(
  db: Db,
  territoryId: string,
  search: { nirIndex: string } | { lastName: string; firstName: string | null; birthDate: string },
): Promise<string[]> {
  let query = db
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.territory_id', '=', territoryId)
    .where('persons.merged_into_id', 'is', null);
  if ('nirIndex' in search) {
    query = query.where('persons.nir_index', '=', search.nirIndex);
  } else {
    const last = sql`spie_unaccent(lower(${search.lastName}))`;
    query = query
      .where('persons.birth_date', '=', search.birthDate)
      .where(
        sql<boolean>`(word_similarity(${last}, persons.search_text) >= 0.5 or similarity(persons.search_text, ${last}) >= 0.3)`,
      );
    if (search.firstName) {
      const first = sql`spie_unaccent(lower(${search.firstName}))`;
      query = query.where(sql<boolean>`word_similarity(${first}, persons.search_text) >= 0.5`);
    }
  }
  const rows = await query
    .orderBy('persons.search_text')
    .orderBy('persons.id')
    .limit(DIRECTORY_LIMIT)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Directory cards: that the person exists, birth year, who accompanies them now with a work
 * contact, and where the caller stands. Follow-ups by `sensitive` organisations are filtered out
 * in SQL for anyone outside those organisations: being followed by an addiction or a shelter
 * service is itself sensitive.
 */
export async function directoryCards(
  db: Db,
  actor: MemberActor,
  personIds: string[],
): Promise<DirectoryCard[]> {
  if (personIds.length === 0) return [];
  const persons = await db
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      'p.birth_date',
      sql<boolean>`exists (
        select 1 from follow_ups f
        where f.territory_id = p.territory_id and f.person_id = p.id and f.status = 'active'
          and f.organisation_id = ${actor.organisationId}
          and (f.account_id = ${actor.accountId} or f.account_id is null))`.as('in_my_team'),
      sql<boolean>`exists (
        select 1 from follow_ups f
        where f.territory_id = p.territory_id and f.person_id = p.id and f.status = 'requested'
          and f.organisation_id = ${actor.organisationId}
          and (f.account_id = ${actor.accountId} or f.created_by_account_id = ${actor.accountId}))`.as(
        'join_requested',
      ),
    ])
    .where('p.territory_id', '=', actor.territoryId)
    .where('p.id', 'in', personIds)
    .execute();
  const team = await db
    .selectFrom('follow_ups as f')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'f.territory_id').onRef('o.id', '=', 'f.organisation_id'),
    )
    .leftJoin('accounts as a', 'a.id', 'f.account_id')
    .select([
      'f.person_id',
      'f.role',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.email as organisation_email',
      'o.phone as organisation_phone',
      'a.first_name',
      'a.last_name',
      'a.email',
      'a.phone',
    ])
    .where('f.territory_id', '=', actor.territoryId)
    .where('f.person_id', 'in', personIds)
    .where('f.status', '=', 'active')
    .where((eb) => eb.or([eb('o.sensitive', '=', false), eb('o.id', '=', actor.organisationId)]))
    .orderBy(sql`case f.role when 'referent' then 0 when 'co_referent' then 1 else 2 end`)
    .orderBy('o.name')
    .execute();
  const byId = new Map(persons.map((p) => [p.id, p]));
  return personIds.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    return [
      {
        personId: p.id,
        displayName: directoryName(p),
        birthYear: Number(p.birth_date.slice(0, 4)),
        accompaniedBy: team
          .filter((t) => t.person_id === id)
          .map((t) => ({
            organisationName: t.organisation_name,
            organisationKind: t.organisation_kind as OrganisationKind,
            role: t.role as TeamRole,
            professionalName: t.first_name && t.last_name ? `${t.first_name} ${t.last_name}` : null,
            workEmail: t.email ?? t.organisation_email,
            workPhone: t.phone ?? t.organisation_phone,
          })),
        inMyTeam: p.in_my_team,
        joinRequested: p.join_requested,
      },
    ];
  });
}
