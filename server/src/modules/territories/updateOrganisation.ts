import { uuid } from '@spie/contract';
import { updateOrganisationBody } from '@spie/contract/territories';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { organisationNotFound } from './getOrganisation';
import { checkOrganisation, organisationColumns } from './organisation.checks';
import { findOrganisation } from './territories.queries';
import { isTerritoryAdmin } from './territories.rules';

export const updateOrganisation = defineUseCase({
  name: 'territories.updateOrganisation',
  kind: 'command',
  input: updateOrganisationBody.extend({ id: uuid }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const territoryId = ctx.actor.territoryId;
    const current = await findOrganisation(ctx.trx, territoryId, input.id);
    if (!current) throw organisationNotFound();
    await checkOrganisation(ctx.trx, territoryId, input.organisation, input.id);
    const result = await ctx.trx
      .updateTable('organisations')
      .set({ ...organisationColumns(input.organisation), version: input.version + 1, updated_at: ctx.now })
      .where('territory_id', '=', territoryId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw staleVersion('organisation', current);
    ctx.emit({ type: 'OrganisationUpdated', territoryId, payload: { organisationId: input.id } });
    return (await findOrganisation(ctx.trx, territoryId, input.id)) ?? current;
  },
  auditSubject: (input) => ({ subjectType: 'organisation', subjectId: input.id }),
});
