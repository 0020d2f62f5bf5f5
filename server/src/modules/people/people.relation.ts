import type { Section, TeamRole } from '@spie/contract/people';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { DB } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { notFound } from '../../kernel/errors';
import { noRelation, type Relation } from './people.access';

const TEAM_RANK: Record<TeamRole, number> = { referent: 3, co_referent: 2, intervenant: 1 };

/** How the actor relates to one person: their team role, their organisation's follow-up, consents. */
export async function loadRelation(db: Db, actor: MemberActor, personId: string): Promise<Relation> {
  const followUps = await db
    .selectFrom('follow_ups')
    .select(['role', 'account_id'])
    .where('territory_id', '=', actor.territoryId)
    .where('person_id', '=', personId)
    .where('organisation_id', '=', actor.organisationId)
    .where('status', '=', 'active')
    .execute();
  let teamRole: TeamRole | null = null;
  for (const f of followUps) {
    // A follow-up names a professional, or the organisation as a whole (account_id null).
    if (f.account_id !== null && f.account_id !== actor.accountId) continue;
    const role = f.role as TeamRole;
    if (!teamRole || TEAM_RANK[role] > TEAM_RANK[teamRole]) teamRole = role;
  }
  const consents = await db
    .selectFrom('person_consents')
    .select(['section', 'decision'])
    .where('territory_id', '=', actor.territoryId)
    .where('person_id', '=', personId)
    .where('organisation_id', '=', actor.organisationId)
    .where('withdrawn_at', 'is', null)
    .execute();
  return {
    teamRole,
    organisationFollows: followUps.length > 0,
    consented: new Set(consents.filter((c) => c.decision === 'consent').map((c) => c.section as Section)),
    objected: new Set(consents.filter((c) => c.decision === 'objection').map((c) => c.section as Section)),
  };
}

export const personNotFound = () =>
  notFound('person.not_found', 'Dossier introuvable, ou vous n’en faites pas partie de l’équipe.');

/** The person must exist in the actor's territory (merged records still resolve, to redirect). */
export async function loadPersonRelation(
  db: Db,
  actor: MemberActor,
  personId: string,
): Promise<{ relation: Relation; mergedInto: string | null }> {
  const person = await db
    .selectFrom('persons')
    .select(['id', 'merged_into_id'])
    .where('territory_id', '=', actor.territoryId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw personNotFound();
  return { relation: await loadRelation(db, actor, personId), mergedInto: person.merged_into_id };
}

/**
 * SQL scope of the persons an actor may find (search, lists): the one helper every list query
 * uses, so visibility is decided in the database, never by filtering rows afterwards.
 * Mirrors people.access.ts: identity is readable by team members (their own follow-up, or an
 * organisation-level one), structure managers for their organisation, orientation managers and
 * territory admins for the whole territory; steering viewers see nobody.
 */
export function visibleTo(actor: MemberActor) {
  return (eb: ExpressionBuilder<DB, 'persons'>) => {
    const base = eb.and([
      eb('persons.territory_id', '=', actor.territoryId),
      eb('persons.merged_into_id', 'is', null),
    ]);
    if (actor.role === 'orientation_manager' || actor.role === 'territory_admin') return base;
    if (actor.role === 'steering_viewer') return eb.and([base, sql<boolean>`false`]);
    const follows = eb
      .selectFrom('follow_ups as vf')
      .select(sql`1`.as('one'))
      .whereRef('vf.territory_id', '=', 'persons.territory_id')
      .whereRef('vf.person_id', '=', 'persons.id')
      .where('vf.organisation_id', '=', actor.organisationId)
      .where('vf.status', '=', 'active');
    const scoped =
      actor.role === 'structure_manager'
        ? follows
        : follows.where((w) =>
            w.or([w('vf.account_id', '=', actor.accountId), w('vf.account_id', 'is', null)]),
          );
    return eb.and([base, eb.exists(scoped)]);
  };
}

export { noRelation };
