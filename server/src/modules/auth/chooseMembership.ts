import { z } from 'zod';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { activeMembershipsOf } from './sessionInfo.queries';

export const chooseMembership = defineUseCase({
  name: 'auth.chooseMembership',
  kind: 'command',
  actors: ['account', 'member'],
  input: z.object({ membershipId: z.uuid() }),
  // Only one's own active memberships; another's id looks like an unknown one.
  authorize: async (ctx, input) => {
    const mine = await activeMembershipsOf(ctx.trx, ctx.actor.accountId);
    if (!mine.some((m) => m.id === input.membershipId)) {
      throw notFound('auth.membership_not_found', 'Ce rattachement n’existe pas ou n’est plus actif.');
    }
    return true;
  },
  run: async (ctx, input) => {
    const sessionIdHash = ctx.actor.sessionIdHash;
    if (!sessionIdHash) throw notFound('auth.session_not_found', 'Session introuvable.');
    await ctx.trx
      .updateTable('sessions')
      .set({ active_membership_id: input.membershipId })
      .where('id_hash', '=', sessionIdHash)
      .execute();
    return { membershipId: input.membershipId };
  },
  auditSubject: (input) => ({ subjectType: 'membership', subjectId: input.membershipId }),
});
