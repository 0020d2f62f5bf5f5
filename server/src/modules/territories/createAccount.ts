import { createAccountBody } from '@spie/contract/territories';
import { defineUseCase } from '../../kernel/useCase';
import { assertEmailFree, insertMembership, requireVisibleAccount } from './accounts.checks';
import { isTerritoryAdmin } from './territories.rules';

export const createAccount = defineUseCase({
  name: 'territories.createAccount',
  kind: 'command',
  input: createAccountBody,
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    await assertEmailFree(ctx.trx, input.email, null);
    const { id } = await ctx.trx
      .insertInto('accounts')
      .values({
        email: input.email,
        first_name: input.firstName,
        last_name: input.lastName,
        phone: input.phone,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const m of input.memberships) {
      const membershipId = await insertMembership(ctx.trx, ctx.actor, id, m.organisationId, m.role, ctx.now);
      ctx.emit({
        type: 'MembershipAdded',
        territoryId: ctx.actor.territoryId,
        payload: { accountId: id, membershipId, organisationId: m.organisationId, role: m.role },
      });
    }
    ctx.emit({ type: 'AccountCreated', territoryId: ctx.actor.territoryId, payload: { accountId: id } });
    return requireVisibleAccount(ctx.trx, ctx.actor, id);
  },
  auditSubject: (_input, output) => ({ subjectType: 'account', subjectId: output.id }),
});
