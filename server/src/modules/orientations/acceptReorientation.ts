import {
  type OrientationStatus,
  orientationsRoutes,
  type ReorientationStatus,
} from '@spie/contract/orientations';
import { defineUseCase } from '../../kernel/useCase';
import { latestRecommendedPath } from '../diagnostics';
import { addOrganisationFollowUps, notifyAccountsBy, requireNotMerged } from '../people';
import { checkReorientationTransition } from './orientations.engine';
import {
  applyTransition,
  checkDecision,
  decisionColumns,
  decisionFacts,
  emitOrientationEvents,
  loadOrientation,
  settingsOf,
  transitionSettings,
} from './orientations.store';
import { loadRequest, viewRequest } from './reorientations.store';

const r = orientationsRoutes.acceptReorientation;

/**
 * An orientation manager accepts: the orientation in force is replaced (kept, read-only), a new
 * one starts directly « décidée » (source réorientation), then the same letter and notifications
 * as any decision follow (OrientationDecided). The requester is told.
 */
export const acceptReorientation = defineUseCase({
  name: 'orientations.acceptReorientation',
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
      action: 'accept',
      actors: ['orientation_manager'],
      fields: input,
    });
    await requireNotMerged(ctx, request.person_id);
    const decision = await checkDecision(ctx.trx, t, input);
    const old = await loadOrientation(ctx.trx, t, request.orientation_id, true);
    const settings = transitionSettings(await settingsOf(ctx.trx, t));
    // The platform replaces the orientation in force (table: `replace`, by the system).
    await applyTransition(ctx, old, {
      action: 'replace',
      actors: ['system'],
      settings,
      fields: {},
      set: { ended_at: ctx.now, end_reason: `Réorientation : ${input.reason}`.slice(0, 1000) },
      silent: true,
    });
    const created = await ctx.trx
      .insertInto('orientations')
      .values({
        territory_id: t,
        person_id: request.person_id,
        status: 'decidee' satisfies OrientationStatus,
        source: 'reorientation',
        recommended_path: await latestRecommendedPath(ctx.trx, t, request.person_id),
        ...decisionColumns(decision, ctx.actor, ctx.now),
        previous_orientation_id: old.id,
        created_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.trx
      .updateTable('reorientation_requests')
      .set({
        status: transition.to,
        answered_by_account_id: ctx.actor.accountId,
        answered_at: ctx.now,
        answer_reason: input.reason,
        new_orientation_id: created.id,
      })
      .where('territory_id', '=', t)
      .where('id', '=', request.id)
      .execute();
    await addOrganisationFollowUps(
      ctx.trx,
      {
        territoryId: t,
        organisationId: decision.organisation.id,
        accountId: ctx.actor.accountId,
        now: ctx.now,
        reason: 'Réorientation',
      },
      [request.person_id],
    );
    // ReorientationAccepted, OrientationReplaced, OrientationDecided (the table's list), each about its own orientation.
    for (const type of transition.emits) {
      const orientationId = type === 'OrientationReplaced' ? old.id : created.id;
      emitOrientationEvents(ctx, [type], request.person_id, decisionFacts(decision), {
        orientationId,
        requestId: request.id,
        previousOrientationId: old.id,
        path: decision.path,
        leadKind: decision.leadKind,
        receivingOrganisationId: decision.organisation.id,
      });
    }
    await notifyAccountsBy(
      ctx.trx,
      { territoryId: t, byAccountId: ctx.actor.accountId, now: ctx.now },
      request.person_id,
      [request.requested_by_account_id],
      'Réorientation acceptée',
      ['Votre demande de réorientation d’une personne accompagnée a été acceptée.'],
    );
    return viewRequest(ctx.trx, t, request.id);
  },
  auditSubject: (_input, output) => ({
    subjectType: 'reorientation_request',
    subjectId: output.id,
    personId: output.personId,
    section: 'situation',
    details: { newOrientationId: output.newOrientationId },
  }),
});
