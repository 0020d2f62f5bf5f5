import { organisationListQuery } from '@spie/contract/territories';
import { defineUseCase } from '../../kernel/useCase';
import { listOrganisations as queryOrganisations } from './territories.queries';
import { isTerritoryAdmin } from './territories.rules';

export const listOrganisations = defineUseCase({
  name: 'territories.listOrganisations',
  kind: 'query',
  input: organisationListQuery,
  authorize: () => true,
  run: async (ctx, input) => ({
    items: await queryOrganisations(ctx.trx, ctx.actor.territoryId, {
      q: input.q,
      kind: input.kind,
      // Deactivated organisations are an admin concern.
      includeInactive: input.includeInactive && isTerritoryAdmin(ctx.actor),
    }),
  }),
});
