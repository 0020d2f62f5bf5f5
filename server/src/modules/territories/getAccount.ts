import { idParams } from '@spie/contract';
import { defineUseCase } from '../../kernel/useCase';
import { requireVisibleAccount } from './accounts.checks';
import { mayReadAccounts } from './territories.rules';

export const getAccount = defineUseCase({
  name: 'territories.getAccount',
  kind: 'query',
  input: idParams,
  authorize: (ctx) => mayReadAccounts(ctx.actor),
  run: (ctx, input) => requireVisibleAccount(ctx.trx, ctx.actor, input.id),
});
