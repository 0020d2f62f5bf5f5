import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';

export const logout = defineUseCase({
  name: 'auth.logout',
  kind: 'command',
  actors: ['account', 'member'],
  input: z.object({}),
  authorize: () => true,
  run: async (ctx) => {
    if (ctx.actor.sessionIdHash) {
      await ctx.trx
        .updateTable('sessions')
        .set({ revoked_at: ctx.now })
        .where('id_hash', '=', ctx.actor.sessionIdHash)
        .execute();
    }
    return { ok: true as const };
  },
});

/** Closes every open session of the caller's account (lost device, shared computer). */
export const logoutEverywhere = defineUseCase({
  name: 'auth.logoutEverywhere',
  kind: 'command',
  actors: ['account', 'member'],
  input: z.object({}),
  authorize: () => true,
  run: async (ctx) => {
    const result = await ctx.trx
      .updateTable('sessions')
      .set({ revoked_at: ctx.now })
      .where('account_id', '=', ctx.actor.accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return { closed: Number(result.numUpdatedRows) };
  },
  auditSubject: (_input, output) => ({ details: { closed: output.closed } }),
});
