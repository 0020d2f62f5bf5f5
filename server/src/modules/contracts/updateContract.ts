import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError, staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contractAuditSubject, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.update;

/** Header of the contract (dates, weekly target, organisation commitments…): a plan edit. */
export const updateContract = defineUseCase({
  name: 'contracts.update',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const { row, actors } = await lockForWrite(ctx, input.id);
    if (input.revision !== row.revision) throw staleVersion('contract', { revision: row.revision });
    await requirePlanEdit(ctx, row, actors);
    if (input.endOn < input.startOn)
      throw fieldError('contract.dates', 'endOn', 'La date de fin doit être après la date de début.');
    await ctx.trx
      .updateTable('engagement_contracts')
      .set({
        start_on: input.startOn,
        end_on: input.endOn,
        weekly_target_hours: input.weeklyTargetHours,
        organisation_commitments: JSON.stringify(input.organisationCommitments),
        next_appointment: input.nextAppointment ? JSON.stringify(input.nextAppointment) : null,
        review_extension_reason: input.reviewExtensionReason,
        note: input.note,
        revision: row.revision + 1,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', row.territory_id)
      .where('id', '=', row.id)
      .execute();
    emitContractEvent(ctx, 'ContractUpdated', row.person_id, row.id);
    return toContract(ctx, await loadContractRow(ctx.trx, row.territory_id, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
