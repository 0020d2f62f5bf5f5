import { contractsRoutes } from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadAction } from './contracts.actions';
import {
  contractAuditSubject,
  contractIdOfAction,
  lockForWrite,
  mayWriteContractById,
} from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.removeAction;

/** Draft or amendment only; an action with hours recorded stays in the plan (cancel it instead). */
export const removeAction = defineUseCase({
  name: 'contracts.removeAction',
  kind: 'command',
  input: r.params,
  authorize: async (ctx, input) => mayWriteContractById(ctx, await contractIdOfAction(ctx, input.id)),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, await contractIdOfAction(ctx, input.id));
    const action = await loadAction(ctx, input.id);
    await requirePlanEdit(ctx, row, actors);
    const hours = await ctx.trx
      .selectFrom('weekly_hours')
      .select('action_id')
      .where('territory_id', '=', t)
      .where('action_id', '=', action.id)
      .limit(1)
      .executeTakeFirst();
    if (hours)
      throw new DomainError(
        'conflict',
        'contract.action_has_hours',
        'Des heures ont déjà été saisies pour cette action : elle ne peut pas être retirée. Changez plutôt son état en « Annulée par la structure » ou « Abandonnée par la personne », avec le motif.',
      );
    await ctx.trx
      .deleteFrom('contract_actions')
      .where('territory_id', '=', t)
      .where('id', '=', action.id)
      .execute();
    emitContractEvent(ctx, 'ContractActionRemoved', row.person_id, row.id, { label: action.label });
    // The plan changed: alert rules on the journey (next step, activity) re-evaluate (no timeline entry).
    ctx.emit({
      type: 'ContractActionChanged',
      territoryId: t,
      payload: { personId: row.person_id, contractId: row.id, actionId: action.id },
    });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(output.id, output.personId, { actionId: input.id }),
});
