import { uuid } from '@spie/contract';
import { addMembershipBody } from '@spie/contract/territories';
import { defineUseCase } from '../../kernel/useCase';
import { insertMembership, requireVisibleAccount } from './accounts.checks';
import { isTerritoryAdmin } from './territories.rules';

export const addMembership = defineUseCase({
  name: 'territories.addMembership',
  kind: 'command',
  input: addMembershipBody.extend({ id: uuid }),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx, input) => {
    await requireVisibleAccount(ctx.trx, ctx.actor, input.id);
    const membershipId = await insertMembership(
      ctx.trx,
      ctx.actor,
      input.id,
      input.organisationId,
      input.role,
      ctx.now,
    );
    ctx.emit({
      type: 'MembershipAdded',
      territoryId: ctx.actor.territoryId,
      payload: { accountId: input.id, membershipId, organisationId: input.organisationId, role: input.role },
    });
    return requireVisibleAccount(ctx.trx, ctx.actor, input.id);
  },
  auditSubject: (input) => ({
    subjectType: 'account',
    subjectId: input.id,
    details: { organisationId: input.organisationId, role: input.role },
  }),
});
