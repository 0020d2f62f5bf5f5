import type { MemberActor } from '../../kernel/actor';
import { fieldError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';

/** The responsible organisation of an action exists and is active in the territory. */
export async function checkResponsibleOrganisation(
  ctx: UseCaseContext<MemberActor>,
  organisationId: string | null,
): Promise<void> {
  if (!organisationId) return;
  const org = await ctx.trx
    .selectFrom('organisations')
    .select(['id', 'active'])
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org?.active)
    throw fieldError(
      'contract.organisation_invalid',
      'responsibleOrganisationId',
      'Cette structure n’existe pas ou n’est plus active sur le territoire.',
    );
}

export function checkPlannedDates(start: string, end: string | null): void {
  if (end && end < start)
    throw fieldError(
      'contract.action_dates',
      'plannedEnd',
      'La date de fin doit être après la date de début.',
    );
}

export async function loadAction(ctx: UseCaseContext<MemberActor>, actionId: string) {
  return ctx.trx
    .selectFrom('contract_actions')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow();
}
