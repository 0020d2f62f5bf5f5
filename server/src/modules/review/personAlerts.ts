import { reviewRoutes } from '@spie/contract/review';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayReadJourney } from './review.access';
import { type AlertRow, toAlertView } from './review.detail';
import { alertRows, byUrgency, periodicReviewDays, reviewDueOn } from './review.queries';

/** How many resolved alerts the person's page shows (the latest). */
const RESOLVED_SHOWN = 20;

/**
 * The person's alerts (open ones, snoozed included and flagged, most urgent first; then the
 * latest resolved ones), their last « point de situation », when the next one is due and their
 * last contact. An audited read of the journey.
 */
export const personAlerts = defineUseCase({
  name: 'review.personAlerts',
  kind: 'query',
  input: reviewRoutes.personAlerts.params,
  authorize: (ctx, input) => mayReadJourney(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const today = parisToday(ctx.now);
    await ctx.audit({
      action: 'review.personAlerts',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
    });
    const [open, resolved, review, person, period] = await Promise.all([
      alertRows(ctx.trx, t).where('a.person_id', '=', input.id).where('a.status', '<>', 'resolue').execute(),
      alertRows(ctx.trx, t)
        .where('a.person_id', '=', input.id)
        .where('a.status', '=', 'resolue')
        .orderBy('a.resolved_at', 'desc')
        .limit(RESOLVED_SHOWN)
        .execute(),
      ctx.trx
        .selectFrom('situation_reviews as r')
        .innerJoin('accounts as ac', 'ac.id', 'r.account_id')
        .select([
          'r.reviewed_on',
          'r.account_id',
          'ac.first_name',
          'ac.last_name',
          'r.next_step',
          'r.next_step_on',
        ])
        .where('r.territory_id', '=', t)
        .where('r.person_id', '=', input.id)
        .orderBy('r.reviewed_on', 'desc')
        .orderBy('r.created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
      ctx.trx
        .selectFrom('persons')
        .select('last_contact_at')
        .where('territory_id', '=', t)
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow(),
      periodicReviewDays(ctx.trx, t),
    ]);
    return {
      open: open.map((r) => toAlertView(r as AlertRow, today)).sort(byUrgency),
      resolved: resolved.map((r) => toAlertView(r as AlertRow, today)),
      lastReview: review
        ? {
            reviewedOn: review.reviewed_on,
            by: { accountId: review.account_id, name: `${review.first_name} ${review.last_name}` },
            nextStep: review.next_step,
            nextStepOn: review.next_step_on,
          }
        : null,
      reviewDueOn: await reviewDueOn(ctx.trx, t, input.id, period),
      lastContactAt: person.last_contact_at?.toISOString() ?? null,
    };
  },
});
