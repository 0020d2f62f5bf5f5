import { orientationsRoutes, type ReorientationStatus } from '@spie/contract/orientations';
import { defineUseCase } from '../../kernel/useCase';
import { notifyAccountsBy } from '../people';
import { checkReorientationTransition } from './orientations.engine';
import { emitOrientationEvents } from './orientations.store';
import { loadRequest, viewRequest } from './reorientations.store';

const r = orientationsRoutes.refuseReorientation;

/** An orientation manager refuses, with the reason; the orientation stays as it is, the requester is told. */
export const refuseReorientation = defineUseCase({
  name: 'orientations.refuseReorientation',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => {
    await loadRequest(ctx.trx, ctx.actor.territoryId, input.id);
    return ctx.actor.role === 'orientation_manager';
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const request = await loadRequest(ctx.trx, t, input.id, true);
    const transition = checkReorientationTransition({
      from: request.status as ReorientationStatus,
      action: 'refuse',
      actors: ['orientation_manager'],
      fields: input,
    });
    await ctx.trx
      .updateTable('reorientation_requests')
      .set({
        status: transition.to,
        answered_by_account_id: ctx.actor.accountId,
        answered_at: ctx.now,
        answer_reason: input.reason,
      })
      .where('territory_id', '=', t)
      .where('id', '=', request.id)
      .execute();
    emitOrientationEvents(
      ctx,
      transition.emits,
      request.person_id,
      { reason: input.reason },
      {
        orientationId: request.orientation_id,
        requestId: request.id,
      },
    );
    await notifyAccountsBy(
      ctx.trx,
      { territoryId: t, byAccountId: ctx.actor.accountId, now: ctx.now },
      request.person_id,
      [request.requested_by_account_id],
      'Réorientation refusée',
      [
        'Votre demande de réorientation d’une personne accompagnée a été refusée. Le motif est indiqué dans son dossier.',
      ],
    );
    return viewRequest(ctx.trx, t, request.id);
  },
  auditSubject: (_input, output) => ({
    subjectType: 'reorientation_request',
    subjectId: output.id,
    personId: output.personId,
    section: 'situation',
  }),
});
