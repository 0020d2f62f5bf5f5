import { reviewRoutes } from '@spie/contract/review';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, parisToday } from '../people';
import { addHistory, alertAuditSubject, lockOpenAlert } from './alertActions';
import { isTeamMember, personOfAlert } from './review.access';
import { loadAlertView } from './review.queries';

const r = reviewRoutes.snooze;

/** A snooze lasts one year at most. */
export const MAX_SNOOZE_DAYS = 365;

/**
 * « Reporter »: the alert stays open but leaves the worklists until the date (after today, one
 * year at most), with the reason (e.g. « en formation jusqu’au 15 janvier »).
 */
export const snoozeAlert = defineUseCase({
  name: 'review.snooze',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => isTeamMember(ctx, await personOfAlert(ctx, input.id)),
  run: async (ctx, input) => {
    const alert = await lockOpenAlert(ctx, input.id);
    const today = parisToday(ctx.now);
    if (input.until <= today)
      throw fieldError('review.snooze_not_future', 'until', 'Choisissez une date après aujourd’hui.');
    if (input.until > addDays(today, MAX_SNOOZE_DAYS))
      throw fieldError(
        'review.snooze_too_long',
        'until',
        'Une alerte ne peut pas être reportée de plus d’un an.',
      );
    await ctx.trx
      .updateTable('alerts')
      .set({ snoozed_until: input.until, snooze_reason: input.reason, updated_at: ctx.now })
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', alert.id)
      .execute();
    await addHistory(ctx, alert.id, 'reportee', { note: input.reason, snoozedUntil: input.until });
    return loadAlertView(ctx.trx, ctx.actor.territoryId, alert.id, ctx.now);
  },
  auditSubject: (_input, output) => alertAuditSubject(output.id, output.personId),
});
