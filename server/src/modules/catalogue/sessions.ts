import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import { sessionsOf } from './catalogue.queries';
import { loadServiceRow, serviceNotFound } from './catalogue.store';

/** Every session of a service with its places (any member of the territory; drafts: managers). */
export const serviceSessions = defineUseCase({
  name: 'catalogue.sessions',
  kind: 'query',
  input: catalogueRoutes.sessions.params,
  authorize: () => true,
  run: async (ctx, input) => {
    const row = await loadServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    if (row.status === 'brouillon' && !mayManageService(ctx.actor, row.owner_organisation_id))
      throw serviceNotFound();
    return { items: await sessionsOf(ctx.trx, ctx.actor.territoryId, row.id, parisToday(ctx.now)) };
  },
});
