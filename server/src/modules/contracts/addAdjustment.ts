import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { contractAuditSubject, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.addAdjustment;

/**
 * A reduction (fewer hours than the target) or a waiver of the weekly activity, with its legal
 * ground (« autre » must be justified) and its end date, within the contract's dates.
 */
export const addAdjustment = defineUseCase({
  name: 'contracts.addAdjustment',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    await requirePlanEdit(ctx, row, actors);
    if (input.ground === 'autre' && !input.justification)
      throw fieldError(
        'contract.justification_required',
        'justification',
        'Motif « autre » : expliquez pourquoi.',
      );
    const target = Number(row.weekly_target_hours);
    if (input.kind === 'reduction' && (input.hours === null || input.hours >= target))
      throw fieldError(
        'contract.reduction_hours',
        'hours',
        `Une réduction fixe moins d’heures que l’objectif du contrat (${target} h par semaine).`,
      );
    if (input.endOn < input.startOn)
      throw fieldError(
        'contract.adjustment_dates',
        'endOn',
        'La date de fin doit être après la date de début.',
      );
    if (row.start_on && input.startOn < row.start_on)
      throw fieldError(
        'contract.adjustment_dates',
        'startOn',
        'L’aménagement commence avant le début du contrat.',
      );
    if (row.end_on && input.endOn > row.end_on)
      throw fieldError('contract.adjustment_dates', 'endOn', 'L’aménagement finit après la fin du contrat.');
    await ctx.trx
      .insertInto('activity_adjustments')
      .values({
        territory_id: t,
        contract_id: row.id,
        person_id: row.person_id,
        kind: input.kind,
        ground: input.ground,
        justification: input.justification,
        hours: input.kind === 'dispense' ? 0 : (input.hours as number),
        start_on: input.startOn,
        end_on: input.endOn,
        recorded_by_account_id: ctx.actor.accountId,
        recorded_at: ctx.now,
      })
      .execute();
    emitContractEvent(ctx, 'ContractAdjustmentAdded', row.person_id, row.id, {
      adjustmentKind: input.kind,
      ground: input.ground,
      endOn: input.endOn,
    });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
