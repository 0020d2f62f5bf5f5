import { uuid } from '@spie/contract';
import { z } from 'zod';
import { DomainError, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireVisibleAccount } from './accounts.checks';
import { isTerritoryAdmin } from './territories.rules';

/** Ends a membership (kept for history); sessions acting through it fall back to account-only. */
export const endMembership = defineUseCase({
  name: 'territories.endMembership',
  kind: 'command',
  input: z.object({ id: uuid, membershipId: uuid }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    await requireVisibleAccount(ctx.trx, ctx.actor, input.id);
    if (input.membershipId === ctx.actor.membershipId) {
      throw new DomainError(
        'conflict',
        'membership.cannot_end_own',
        'Vous ne pouvez pas retirer le rattachement avec lequel vous êtes connecté·e.',
      );
    }
    const result = await ctx.trx
      .updateTable('memberships')
      .set({ ended_at: ctx.now })
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('id', '=', input.membershipId)
      .where('account_id', '=', input.id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw notFound('membership.not_found', 'Rattachement introuvable ou déjà retiré.');
    await ctx.trx
      .updateTable('sessions')
      .set({ active_membership_id: null })
      .where('active_membership_id', '=', input.membershipId)
      .execute();
    ctx.emit({
      type: 'MembershipEnded',
      territoryId: ctx.actor.territoryId,
      payload: { accountId: input.id, membershipId: input.membershipId },
    });
    return requireVisibleAccount(ctx.trx, ctx.actor, input.id);
  },
  auditSubject: (input) => ({ subjectType: 'membership', subjectId: input.membershipId }),
});
