import { uuid } from '@spie/contract';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { requireVisibleAccount } from './accounts.checks';
import { isTerritoryAdmin } from './territories.rules';

/** Deactivating an account closes all its sessions at once. */
export const setAccountActive = defineUseCase({
  name: 'territories.setAccountActive',
  kind: 'command',
  input: z.object({ id: uuid, active: z.boolean() }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    await requireVisibleAccount(ctx.trx, ctx.actor, input.id);
    if (!input.active && input.id === ctx.actor.accountId) {
      throw new DomainError(
        'conflict',
        'account.cannot_deactivate_self',
        'Vous ne pouvez pas désactiver votre propre compte.',
      );
    }
    // An account that also works in another territory is not this admin's alone to close.
    const elsewhere = await ctx.trx
      .selectFrom('memberships')
      .select('id')
      .where('account_id', '=', input.id)
      .where('territory_id', '<>', ctx.actor.territoryId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (elsewhere && !input.active) {
      throw new DomainError(
        'conflict',
        'account.used_elsewhere',
        'Ce compte est aussi rattaché à un autre territoire : retirez plutôt ses rattachements ici.',
      );
    }
    await ctx.trx
      .updateTable('accounts')
      .set((eb) => ({ active: input.active, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', input.id)
      .execute();
    if (!input.active) {
      await ctx.trx
        .updateTable('sessions')
        .set({ revoked_at: ctx.now })
        .where('account_id', '=', input.id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    ctx.emit({
      type: input.active ? 'AccountReactivated' : 'AccountDeactivated',
      territoryId: ctx.actor.territoryId,
      payload: { accountId: input.id },
    });
    return requireVisibleAccount(ctx.trx, ctx.actor, input.id);
  },
  auditSubject: (input) => ({
    subjectType: 'account',
    subjectId: input.id,
    details: { active: input.active },
  }),
});
