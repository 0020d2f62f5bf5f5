import { orientationsRoutes, type TransitionBody } from '@spie/contract/orientations';
import type { MemberActor } from '../../kernel/actor';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { actorLabel, addOrganisationFollowUps, requireNotMerged } from '../people';
import { assignReferent } from './assignReferent';
import { actorKindsOf } from './orientations.engine';
import type { StoredProposal } from './orientations.read';
import {
  applyTransition,
  checkDecision,
  decisionColumns,
  decisionFacts,
  loadOrientation,
  type OrientationRow,
  settingsOf,
  transitionSettings,
} from './orientations.store';
import { viewOrientation } from './orientations.view';

const r = orientationsRoutes.transition;

/**
 * One route for every manual step of an orientation (propose, decide, reject the proposal,
 * close, assign the référent): the table of the contract says who may do what from which state.
 */
export const transitionOrientation = defineUseCase({
  name: 'orientations.transition',
  kind: 'command',
  input: r.params.and(r.body),
  authorize: async (ctx, input) => {
    const row = await loadOrientation(ctx.trx, ctx.actor.territoryId, input.id);
    // Who may even try: the kinds of actor of the table (the engine then checks the action).
    return actorKindsOf(ctx.actor, row).length > 0;
  },
  run: async (ctx, input) => {
    const row = await loadOrientation(ctx.trx, ctx.actor.territoryId, input.id, true);
    await requireNotMerged(ctx, row.person_id);
    await runTransition(ctx, row, input);
    return viewOrientation(ctx, row.id);
  },
  auditSubject: (input, output) => ({
    subjectType: 'orientation',
    subjectId: input.id,
    personId: output.personId,
    section: 'situation',
    details: { action: input.action, status: output.status },
  }),
});

async function runTransition(ctx: UseCaseContext<MemberActor>, row: OrientationRow, input: TransitionBody) {
  const settings = transitionSettings(await settingsOf(ctx.trx, ctx.actor.territoryId));
  const actors = actorKindsOf(ctx.actor, row);
  const base = { action: input.action, actors, settings, fields: input as Record<string, unknown> };
  switch (input.action) {
    case 'propose': {
      const d = await checkDecision(ctx.trx, ctx.actor.territoryId, input);
      const proposal: StoredProposal = {
        path: d.path,
        leadKind: d.leadKind,
        organisationId: d.organisation.id,
        referentAccountId: d.referent?.id ?? null,
        reason: d.reason,
        byAccountId: ctx.actor.accountId,
        at: ctx.now.toISOString(),
      };
      await applyTransition(ctx, row, {
        ...base,
        set: { proposal: JSON.stringify(proposal) },
        facts: decisionFacts(d),
      });
      return;
    }
    case 'decide': {
      const d = await checkDecision(ctx.trx, ctx.actor.territoryId, input);
      await applyTransition(ctx, row, {
        ...base,
        set: decisionColumns(d, ctx.actor, ctx.now),
        facts: decisionFacts(d),
        payload: { path: d.path, leadKind: d.leadKind, receivingOrganisationId: d.organisation.id },
      });
      await addOrganisationFollowUps(
        ctx.trx,
        {
          territoryId: ctx.actor.territoryId,
          organisationId: d.organisation.id,
          accountId: ctx.actor.accountId,
          now: ctx.now,
          reason: 'Orientation décidée',
        },
        [row.person_id],
      );
      return;
    }
    case 'rejectProposal':
      await applyTransition(ctx, row, { ...base, set: { proposal: null }, facts: { reason: input.reason } });
      return;
    case 'close':
      await applyTransition(ctx, row, {
        ...base,
        set: { ended_at: ctx.now, end_reason: input.reason },
        facts: { reason: input.reason },
      });
      return;
    case 'assign':
      await assignReferent(ctx, row, {
        actors,
        settings,
        referentAccountId: input.referentAccountId,
        reason: input.reason,
        byLabel: await actorLabel(ctx),
      });
      return;
  }
}
