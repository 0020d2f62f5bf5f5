import { contractsRoutes } from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contractAuditSubject, loadObjective, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const rm = contractsRoutes.removeObjective;

/** Draft or amendment only; an objective whose actions have hours recorded stays (abandon it instead). */
export const removeObjective = defineUseCase({
  name: 'contracts.removeObjective',
  kind: 'command',
  input: rm.params,
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    const objective = await loadObjective(ctx, row.id, input.objectiveId);
    await requirePlanEdit(ctx, row, actors);
    const hours = await ctx.trx
      .selectFrom('weekly_hours as h')
      .innerJoin('contract_actions as a', (j) =>
        j.onRef('a.territory_id', '=', 'h.territory_id').onRef('a.id', '=', 'h.action_id'),
      )
      .select('h.action_id')
      .where('a.territory_id', '=', t)
      .where('a.objective_id', '=', objective.id)
      .limit(1)
      .executeTakeFirst();
    if (hours)
      throw new DomainError(
        'conflict',
        'contract.objective_has_hours',
        'Des heures ont déjà été saisies pour une action de cet objectif : il ne peut pas être retiré. Passez-le plutôt à « Abandonné », avec le motif.',
      );
    await ctx.trx
      .deleteFrom('contract_actions')
      .where('territory_id', '=', t)
      .where('objective_id', '=', objective.id)
      .execute();
    await ctx.trx
      .deleteFrom('contract_objectives')
      .where('territory_id', '=', t)
      .where('id', '=', objective.id)
      .execute();
    emitContractEvent(ctx, 'ContractObjectiveRemoved', row.person_id, row.id, { label: objective.label });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
