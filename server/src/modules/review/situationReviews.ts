import { reviewRoutes } from '@spie/contract/review';
import { defineUseCase } from '../../kernel/useCase';
import { isTeamLead } from './review.access';
import { situationReviewRows, toSituationReview } from './situationReview.view';

/** The person's « points de situation », latest first. Référent and co-référents; an audited read. */
export const situationReviews = defineUseCase({
  name: 'review.situationReviews',
  kind: 'query',
  input: reviewRoutes.situationReviews.params,
  authorize: (ctx, input) => isTeamLead(ctx, input.id),
  run: async (ctx, input) => {
    await ctx.audit({
      action: 'review.situationReviews',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
    });
    const rows = await situationReviewRows(ctx.trx, ctx.actor.territoryId)
      .where('r.person_id', '=', input.id)
      .orderBy('r.reviewed_on', 'desc')
      .orderBy('r.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(toSituationReview);
  },
});
