import { type ReferralView, referralsRoutes } from '@spie/contract/referrals';
import { defineUseCase } from '../../kernel/useCase';
import { actorLabel, requireNotMerged } from '../people';
import { referralAccess, referralAccessFor } from './referrals.access';
import { recordAttendanceCore } from './referrals.apply';
import { loadReferralRow } from './referrals.store';
import { referralViewFor } from './transitionReferral';

const input = referralsRoutes.recordAttendance.params.extend(referralsRoutes.recordAttendance.body.shape);

/**
 * Hours attended in one week, recorded by the receiving organisation: they feed the weekly
 * activity of the person's running contract (on the action linked to the referral).
 */
export const recordAttendance = defineUseCase({
  name: 'referrals.recordAttendance',
  kind: 'command',
  input,
  authorize: async (ctx, input) => (await referralAccess(ctx, input.id)).actors.includes('receiver'),
  run: async (ctx, input): Promise<ReferralView> => {
    const row = await loadReferralRow(ctx.trx, ctx.actor.territoryId, input.id, true);
    await requireNotMerged(ctx, row.person_id);
    const { actors } = await referralAccessFor(ctx, row);
    const updated = await recordAttendanceCore(ctx, row, input, {
      accountId: ctx.actor.accountId,
      label: await actorLabel(ctx),
      actors,
      viaLink: false,
    });
    return referralViewFor(ctx, updated, actors);
  },
  auditSubject: (input, output) => ({
    subjectType: 'referral',
    subjectId: input.id,
    personId: output.person.id,
    section: 'journey',
    details: { week: input.week, hours: input.hours },
  }),
});
