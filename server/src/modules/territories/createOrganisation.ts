import { organisationInput } from '@spie/contract/territories';
import { defineUseCase } from '../../kernel/useCase';
import { checkOrganisation, organisationColumns } from './organisation.checks';
import { findOrganisation } from './territories.queries';
import { isTerritoryAdmin } from './territories.rules';

export const createOrganisation = defineUseCase({
  name: 'territories.createOrganisation',
  kind: 'command',
  input: organisationInput,
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const territoryId = ctx.actor.territoryId;
    await checkOrganisation(ctx.trx, territoryId, input, null);
    const { id } = await ctx.trx
      .insertInto('organisations')
      .values({
        territory_id: territoryId,
        ...organisationColumns(input),
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.emit({ type: 'OrganisationCreated', territoryId, payload: { organisationId: id, kind: input.kind } });
    const created = await findOrganisation(ctx.trx, territoryId, id);
    if (!created) throw new Error('organisation vanished');
    return created;
  },
  auditSubject: (_input, output) => ({ subjectType: 'organisation', subjectId: output.id }),
});
