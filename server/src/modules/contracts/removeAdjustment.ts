import { type AdjustmentKind, contractsRoutes } from '@spie/contract/contracts';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contractAuditSubject, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.removeAdjustment;

/** Draft or amendment only. */
export const removeAdjustment = defineUseCase({
  name: 'contracts.removeAdjustment',
  kind: 'command',
  input: r.params,
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    const adj = await ctx.trx
      .selectFrom('activity_adjustments')
      .select(['id', 'kind'])
      .where('territory_id', '=', t)
      .where('contract_id', '=', row.id)
      .where('id', '=', input.adjustmentId)
      .executeTakeFirst();
    if (!adj) throw notFound('contract.adjustment_not_found', 'Aménagement introuvable dans ce contrat.');
    await requirePlanEdit(ctx, row, actors);
    await ctx.trx
      .deleteFrom('activity_adjustments')
      .where('territory_id', '=', t)
      .where('id', '=', adj.id)
      .execute();
    emitContractEvent(ctx, 'ContractAdjustmentRemoved', row.person_id, row.id, {
      adjustmentKind: adj.kind as AdjustmentKind,
    });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
