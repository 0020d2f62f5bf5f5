import { uuid } from '@spie/contract';
import { updateAccountBody } from '@spie/contract/territories';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { assertEmailFree, requireVisibleAccount } from './accounts.checks';
import { isTerritoryAdmin } from './territories.rules';

export const updateAccount = defineUseCase({
  name: 'territories.updateAccount',
  kind: 'command',
  input: updateAccountBody.extend({ id: uuid }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    const current = await requireVisibleAccount(ctx.trx, ctx.actor, input.id);
    await assertEmailFree(ctx.trx, input.account.email, input.id);
    const result = await ctx.trx
      .updateTable('accounts')
      .set({
        email: input.account.email,
        first_name: input.account.firstName,
        last_name: input.account.lastName,
        phone: input.account.phone,
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw staleVersion('account', current);
    ctx.emit({
      type: 'AccountUpdated',
      territoryId: ctx.actor.territoryId,
      payload: { accountId: input.id },
    });
    return requireVisibleAccount(ctx.trx, ctx.actor, input.id);
  },
  auditSubject: (input) => ({ subjectType: 'account', subjectId: input.id }),
});
