import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { isTerritoryAdmin } from './catalogue.access';
import { catalogueToday } from './catalogue.context';
import { ownedServicesPage } from './catalogue.queries';

/**
 * « Mes offres »: the services of the caller's organisation (the territory admin: all, or one
 * organisation's with `organisationId`), by name, with the counts the page shows on top.
 */
export const ownedServices = defineUseCase({
  name: 'catalogue.ownedServices',
  kind: 'query',
  input: catalogueRoutes.ownedServices.query,
  authorize: () => true,
  run: async (ctx, input) => {
    const { today, freshnessDays } = await catalogueToday(ctx);
    const organisationId = isTerritoryAdmin(ctx.actor)
      ? (input.organisationId ?? null)
      : ctx.actor.organisationId;
    return ownedServicesPage(ctx.trx, {
      territoryId: ctx.actor.territoryId,
      organisationId,
      status: input.status,
      stale: input.stale,
      after: input.after,
      limit: input.limit,
      today,
      freshnessDays,
    });
  },
});
