import { z } from 'zod';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { openSession } from './openSession';

export const demoDisabled = () =>
  notFound('auth.demo_disabled', 'La connexion de démonstration n’est pas activée sur ce serveur.');

/**
 * Demo-mode login: pick an account from the list. Real logins (ProConnect) end the same way:
 * an identified account gets a session; when it has a single membership, it is activated.
 */
export const demoLogin = defineUseCase({
  name: 'auth.demoLogin',
  kind: 'command',
  audit: 'manual',
  actors: ['anonymous', 'account', 'member'],
  input: z.object({ accountId: z.uuid() }),
  authorize: (ctx) => {
    if (!ctx.deps.config.demo) throw demoDisabled();
    return true;
  },
  run: async (ctx, input) => {
    const account = await ctx.trx
      .selectFrom('accounts')
      .select(['id', 'active'])
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!account?.active)
      throw notFound('auth.account_not_found', 'Ce compte n’existe pas ou a été désactivé.');
    const session = await openSession(ctx.trx, account.id, 'demo', {
      now: ctx.now,
      requestId: ctx.requestId,
      policy: ctx.deps.config.session,
    });
    return session;
  },
});
