import { type ReferralActor, type ReferralView, referralsRoutes } from '@spie/contract/referrals';
import { conflict } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { actorLabel, parisToday, requireNotMerged } from '../people';
import { referralAccess, referralAccessFor } from './referrals.access';
import { applyReferralTransition } from './referrals.apply';
import { loadReferralRow, type ReferralRow, toReferralView } from './referrals.store';

const input = referralsRoutes.transition.params.extend(referralsRoutes.transition.body.shape);

export const revisionConflict = () =>
  conflict(
    'referral.revision_conflict',
    'Cette prescription vient d’être modifiée par quelqu’un d’autre : rechargez la page pour voir son état, puis recommencez.',
  );

export function checkRevision(row: ReferralRow, revision: number): void {
  if (row.revision !== revision) throw revisionConflict();
}

/**
 * Answers or moves a referral along the transition table (accept, refuse, waitlist, cancel,
 * entry, start, finish), with optimistic concurrency on `revision`. The receiving organisation's
 * members act as `receiver`; the sender and the person's référents as `sender`.
 */
export const transitionReferral = defineUseCase({
  name: 'referrals.transition',
  kind: 'command',
  input,
  authorize: async (ctx, input) => (await referralAccess(ctx, input.id)).read,
  run: async (ctx, input): Promise<ReferralView> => {
    const row = await loadReferralRow(ctx.trx, ctx.actor.territoryId, input.id, true);
    await requireNotMerged(ctx, row.person_id);
    checkRevision(row, input.revision);
    const { actors } = await referralAccessFor(ctx, row);
    const updated = await applyReferralTransition(ctx, row, input, {
      accountId: ctx.actor.accountId,
      label: await actorLabel(ctx),
      actors,
    });
    return referralViewFor(ctx, updated, actors);
  },
  auditSubject: (input, output) => ({
    subjectType: 'referral',
    subjectId: input.id,
    personId: output.person.id,
    section: 'journey',
    details: { action: input.action, status: output.status },
  }),
});

export const referralViewFor = (ctx: UseCaseContext, row: ReferralRow, actors: ReferralActor[]) =>
  toReferralView(ctx.trx, row, actors, parisToday(ctx.now));
