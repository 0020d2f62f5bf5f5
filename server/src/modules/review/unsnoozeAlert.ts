import { reviewRoutes } from '@spie/contract/review';
import { defineUseCase } from '../../kernel/useCase';
import { addHistory, alertAuditSubject, lockOpenAlert } from './alertActions';
import { isTeamMember, personOfAlert } from './review.access';
import { loadAlertView } from './review.queries';

/** « Annuler le report »: the alert comes back into the worklists now (nothing to do if it was not snoozed). */
export const unsnoozeAlert = defineUseCase({
  name: 'review.unsnooze',
  kind: 'command',
  input: reviewRoutes.unsnooze.params,
  authorize: async (ctx, input) => isTeamMember(ctx, await personOfAlert(ctx, input.id)),
  run: async (ctx, input) => {
    const alert = await lockOpenAlert(ctx, input.id);
    if (alert.snoozed_until !== null) {
      await ctx.trx
        .updateTable('alerts')
        .set({ snoozed_until: null, snooze_reason: null, updated_at: ctx.now })
        .where('territory_id', '=', ctx.actor.territoryId)
        .where('id', '=', alert.id)
        .execute();
      await addHistory(ctx, alert.id, 'reprise');
    }
    return loadAlertView(ctx.trx, ctx.actor.territoryId, alert.id, ctx.now);
  },
  auditSubject: (_input, output) => alertAuditSubject(output.id, output.personId),
});
