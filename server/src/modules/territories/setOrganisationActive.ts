import { uuid } from '@spie/contract';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { organisationNotFound } from './getOrganisation';
import { findOrganisation } from './territories.queries';
import { isTerritoryAdmin } from './territories.rules';

/**
 * Deactivating keeps the organisation and its history; its members can no longer act through it
 * (sessions resolve its memberships to none) until it is reactivated.
 */
export const setOrganisationActive = defineUseCase({
  name: 'territories.setOrganisationActive',
  kind: 'command',
  input: z.object({ id: uuid, active: z.boolean() }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const territoryId = ctx.actor.territoryId;
    if (!input.active && input.id === ctx.actor.organisationId) {
      throw new DomainError(
        'conflict',
        'organisation.cannot_deactivate_own',
        'Vous ne pouvez pas désactiver la structure avec laquelle vous êtes connecté·e.',
      );
    }
    const result = await ctx.trx
      .updateTable('organisations')
      .set((eb) => ({ active: input.active, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('territory_id', '=', territoryId)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw organisationNotFound();
    ctx.emit({
      type: input.active ? 'OrganisationReactivated' : 'OrganisationDeactivated',
      territoryId,
      payload: { organisationId: input.id },
    });
    const org = await findOrganisation(ctx.trx, territoryId, input.id);
    if (!org) throw organisationNotFound();
    return org;
  },
  auditSubject: (input) => ({
    subjectType: 'organisation',
    subjectId: input.id,
    details: { active: input.active },
  }),
});
