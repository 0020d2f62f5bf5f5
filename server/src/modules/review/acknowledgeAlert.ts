import { reviewRoutes } from '@spie/contract/review';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { addHistory, alertAuditSubject, lockOpenAlert } from './alertActions';
import { isTeamMember, personOfAlert } from './review.access';
import { loadAlertView } from './review.queries';

const r = reviewRoutes.acknowledge;

/**
 * « Prendre en compte »: what is done or planned (note) and the date of the next step (today or
 * later). The alert stays until its rule sees the situation restored; acknowledging again
 * replaces the note and date (each time kept in the history).
 */
export const acknowledgeAlert = defineUseCase({
  name: 'review.acknowledge',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => isTeamMember(ctx, await personOfAlert(ctx, input.id)),
  run: async (ctx, input) => {
    const alert = await lockOpenAlert(ctx, input.id);
    if (input.nextStepOn < parisToday(ctx.now))
      throw fieldError(
        'review.next_step_in_past',
        'nextStepOn',
        'La date de la prochaine étape ne peut pas être passée : indiquez aujourd’hui ou une date à venir.',
      );
    await ctx.trx
      .updateTable('alerts')
      .set({
        status: 'prise_en_compte',
        acknowledged_at: ctx.now,
        acknowledged_by_account_id: ctx.actor.accountId,
        note: input.note,
        next_step_on: input.nextStepOn,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', alert.id)
      .execute();
    await addHistory(ctx, alert.id, 'prise_en_compte', { note: input.note, nextStepOn: input.nextStepOn });
    return loadAlertView(ctx.trx, ctx.actor.territoryId, alert.id, ctx.now);
  },
  auditSubject: (_input, output) => alertAuditSubject(output.id, output.personId),
});
