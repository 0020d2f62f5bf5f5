import { contractsRoutes } from '@spie/contract/contracts';
import { defineUseCase } from '../../kernel/useCase';
import { mayReadContractById } from './contracts.guard';
import { loadContractRow, toContract } from './contracts.store';

/** One contract (current or from the history) with its plan, versions and adjustments. Audited read. */
export const getContract = defineUseCase({
  name: 'contracts.get',
  kind: 'query',
  input: contractsRoutes.get.params,
  authorize: (ctx, input) => mayReadContractById(ctx, input.id),
  run: async (ctx, input) => {
    const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, input.id);
    await ctx.audit({
      action: 'contracts.get',
      subjectType: 'contract',
      subjectId: row.id,
      personId: row.person_id,
      section: 'journey',
    });
    return toContract(ctx, row);
  },
});
