import { type ReferralView, referralsRoutes } from '@spie/contract/referrals';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { referralAccess } from './referrals.access';
import { toReferralView } from './referrals.store';

/**
 * One referral with its history and attendance: for the person's team and the members of the
 * receiving organisation (who see only what the referral shares). Audited read of the record.
 */
export const getReferral = defineUseCase({
  name: 'referrals.get',
  kind: 'query',
  input: referralsRoutes.get.params,
  authorize: async (ctx, input) => (await referralAccess(ctx, input.id)).read,
  run: async (ctx, input): Promise<ReferralView> => {
    const { row, actors, teamReader } = await referralAccess(ctx, input.id);
    await ctx.audit({
      action: 'referrals.get',
      subjectType: 'referral',
      subjectId: row.id,
      personId: row.person_id,
      section: 'journey',
      details: { as: teamReader ? 'equipe' : 'structure_receptrice' },
    });
    return toReferralView(ctx.trx, row, actors, parisToday(ctx.now));
  },
});
