import type { MemberActor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { may, personAccess } from '../people';

type PersonAccess = Awaited<ReturnType<typeof personAccess>>;

/**
 * Who may do what in the review module (domain §8: alerts, contacts and reviews belong to the
 * journey section of the person record):
 * - read a person's alerts and an alert's history: readers of the journey (team, structure
 *   managers of a following organisation);
 * - acknowledge, snooze an alert, note a contact: active team members (référent, co-référent,
 *   intervenant) who write the journey;
 * - « points de situation » (free text about the situation): the référent and co-référents.
 */
const loaded = new WeakMap<object, Map<string, Promise<PersonAccess>>>();

/** The caller's access to a person, loaded once per use case run (authorize, then run). */
export function accessTo(ctx: UseCaseContext<MemberActor>, personId: string): Promise<PersonAccess> {
  let byPerson = loaded.get(ctx);
  if (!byPerson) {
    byPerson = new Map();
    loaded.set(ctx, byPerson);
  }
  let access = byPerson.get(personId);
  if (!access) {
    access = personAccess(ctx, personId);
    byPerson.set(personId, access);
  }
  return access;
}

export async function mayReadJourney(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  return may((await accessTo(ctx, personId)).access, 'journey', 'read');
}

/** Active team member (any role) who writes the journey. */
export async function isTeamMember(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  const { relation, access } = await accessTo(ctx, personId);
  return relation.teamRole !== null && may(access, 'journey', 'write');
}

/** Référent unique or co-référent. */
export async function isTeamLead(ctx: UseCaseContext<MemberActor>, personId: string): Promise<boolean> {
  const { relation } = await accessTo(ctx, personId);
  return relation.teamRole === 'referent' || relation.teamRole === 'co_referent';
}

export const alertNotFound = () =>
  notFound(
    'review.alert_not_found',
    'Alerte introuvable, ou vous ne faites pas partie de l’équipe de la personne.',
  );

/** The person an alert of the caller's territory is about (404 when there is no such alert). */
export async function personOfAlert(ctx: UseCaseContext<MemberActor>, alertId: string): Promise<string> {
  const row = await ctx.trx
    .selectFrom('alerts')
    .select('person_id')
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', alertId)
    .executeTakeFirst();
  if (!row) throw alertNotFound();
  return row.person_id;
}

/** A refusal that says what to do: the alert was resolved by its rule. */
export const alertResolved = () =>
  new DomainError(
    'conflict',
    'review.alert_resolved',
    'Cette alerte est résolue : la situation s’est rétablie ou le suivi a pris fin. Il n’y a plus rien à faire.',
  );
