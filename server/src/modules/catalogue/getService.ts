import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { mayManageService } from './catalogue.access';
import { viewFor } from './catalogue.context';
import { loadServiceRow, serviceNotFound } from './catalogue.store';

/**
 * A service page: what, for whom, where, how to access, places left, next sessions. Any member of
 * the territory reads published, suspended and archived services; drafts only their managers.
 */
export const getService = defineUseCase({
  name: 'catalogue.getService',
  kind: 'query',
  input: catalogueRoutes.getService.params,
  authorize: () => true,
  run: async (ctx, input) => {
    const row = await loadServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    if (row.status === 'brouillon' && !mayManageService(ctx.actor, row.owner_organisation_id))
      throw serviceNotFound();
    return viewFor(ctx, row);
  },
});
