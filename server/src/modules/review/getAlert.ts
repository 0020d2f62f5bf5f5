import { type alertHistoryActions, reviewRoutes } from '@spie/contract/review';
import { sql } from 'kysely';
import { defineUseCase } from '../../kernel/useCase';
import { mayReadJourney, personOfAlert } from './review.access';
import { loadAlertView } from './review.queries';

/** One alert and its history (who acknowledged, snoozed… and when). An audited read of the journey. */
export const getAlert = defineUseCase({
  name: 'review.alert',
  kind: 'query',
  input: reviewRoutes.alert.params,
  authorize: async (ctx, input) => mayReadJourney(ctx, await personOfAlert(ctx, input.id)),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const view = await loadAlertView(ctx.trx, t, input.id, ctx.now);
    await ctx.audit({
      action: 'review.alert',
      subjectType: 'alert',
      subjectId: input.id,
      personId: view.personId,
      section: 'journey',
    });
    const history = await ctx.trx
      .selectFrom('alert_history as h')
      .leftJoin('accounts as ac', 'ac.id', 'h.account_id')
      .select([
        'h.at',
        'h.action',
        'h.account_id',
        'ac.first_name',
        'ac.last_name',
        'h.note',
        'h.next_step_on',
        'h.snoozed_until',
      ])
      .where('h.territory_id', '=', t)
      .where('h.alert_id', '=', input.id)
      .orderBy('h.at')
      // Same instant (an evaluation and an action in one go): opened first, resolved last.
      .orderBy(sql`case h.action when 'ouverte' then 0 when 'resolue' then 2 else 1 end`)
      .orderBy('h.id')
      .execute();
    return {
      ...view,
      history: history.map((h) => ({
        at: h.at.toISOString(),
        action: h.action as (typeof alertHistoryActions)[number],
        by:
          h.account_id && h.last_name
            ? { accountId: h.account_id, name: `${h.first_name} ${h.last_name}` }
            : null,
        note: h.note,
        nextStepOn: h.next_step_on,
        snoozedUntil: h.snoozed_until,
      })),
    };
  },
});
