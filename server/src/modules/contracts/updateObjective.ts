import { contractsRoutes, objectiveStatusLabels } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contractAuditSubject, loadObjective, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requireFollowUp, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const upd = contractsRoutes.updateObjective;

/** En cours, atteint, abandonné (with a reason): follow-up once signed. */
export const updateObjective = defineUseCase({
  name: 'contracts.updateObjective',
  kind: 'command',
  input: upd.params.extend(upd.body.shape),
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    const objective = await loadObjective(ctx, row.id, input.objectiveId);
    await requireFollowUp(ctx, row, actors);
    if (input.status === 'abandonne' && !input.statusReason)
      throw fieldError(
        'contract.reason_required',
        'statusReason',
        'Indiquez pourquoi l’objectif est abandonné.',
      );
    await ctx.trx
      .updateTable('contract_objectives')
      .set({ status: input.status, status_reason: input.statusReason, updated_at: ctx.now })
      .where('territory_id', '=', t)
      .where('id', '=', objective.id)
      .execute();
    emitContractEvent(ctx, 'ContractObjectiveUpdated', row.person_id, row.id, {
      label: objective.label,
      status: objectiveStatusLabels[input.status].toLocaleLowerCase('fr-FR'),
    });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
