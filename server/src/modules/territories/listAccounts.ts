import { accountListQuery } from '@spie/contract/territories';
import { defineUseCase } from '../../kernel/useCase';
import { listAccounts as queryAccounts } from './territories.queries';
import { mayReadAccounts } from './territories.rules';

export const listAccounts = defineUseCase({
  name: 'territories.listAccounts',
  kind: 'query',
  input: accountListQuery,
  authorize: (ctx) => mayReadAccounts(ctx.actor),
  run: (ctx, input) => queryAccounts(ctx.trx, ctx.actor, input),
});
