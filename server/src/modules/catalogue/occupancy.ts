import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { maySeeOccupancy } from './catalogue.access';
import { occupancyOf } from './catalogue.occupancy';

/**
 * Occupancy of places for the territory (admin, steering viewers, structure managers): totals,
 * by owning organisation and per service, with referrals by status and the median time to answer.
 * Counts only, no names.
 */
export const occupancy = defineUseCase({
  name: 'catalogue.occupancy',
  kind: 'query',
  input: catalogueRoutes.occupancy.query,
  authorize: (ctx) => maySeeOccupancy(ctx.actor),
  run: (ctx, input) =>
    occupancyOf(ctx.trx, {
      territoryId: ctx.actor.territoryId,
      today: parisToday(ctx.now),
      organisationId: input.organisationId,
      thematique: input.thematique,
      after: input.after,
      limit: input.limit,
    }),
});
