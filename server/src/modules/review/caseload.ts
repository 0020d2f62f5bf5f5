import { reviewRoutes } from '@spie/contract/review';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { caseloadPage } from './caseload.queries';
import { periodicReviewDays } from './review.queries';

/**
 * « Ma file active »: the caller's people as référent or co-référent with their open alerts, the
 * most urgent first, by pages. Every member has one (possibly empty): it only ever lists the
 * caller's own follow-ups. Audited as a list read (no single person).
 */
export const caseload = defineUseCase({
  name: 'review.caseload',
  kind: 'query',
  input: reviewRoutes.caseload.query,
  authorize: () => true,
  run: async (ctx, input) => {
    const today = parisToday(ctx.now);
    const period = await periodicReviewDays(ctx.trx, ctx.actor.territoryId);
    return caseloadPage(ctx.trx, ctx.actor, today, period, input, { after: input.after, limit: input.limit });
  },
});
