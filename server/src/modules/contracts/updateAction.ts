import { actionStatusesWithReason, actionStatusLabels, contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { checkPlannedDates, checkResponsibleOrganisation, loadAction } from './contracts.actions';
import {
  contractAuditSubject,
  contractIdOfAction,
  lockForWrite,
  mayWriteContractById,
} from './contracts.guard';
import { loadContractRow, requireFollowUp, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.updateAction;

/**
 * Planned fields (label, organisation, dates, hours) change the plan: draft or amendment only.
 * The status is follow-up; stopping an action (abandoned by the person, cancelled by the
 * organisation) needs a reason.
 */
export const updateAction = defineUseCase({
  name: 'contracts.updateAction',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => mayWriteContractById(ctx, await contractIdOfAction(ctx, input.id)),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, await contractIdOfAction(ctx, input.id));
    const action = await loadAction(ctx, input.id);
    if (!input.plan && !input.status)
      throw fieldError(
        'contract.nothing_to_change',
        'status',
        'Indiquez ce qui change : l’état ou le contenu de l’action.',
      );
    if (input.plan) {
      await requirePlanEdit(ctx, row, actors);
      checkPlannedDates(input.plan.plannedStart, input.plan.plannedEnd);
      await checkResponsibleOrganisation(ctx, input.plan.responsibleOrganisationId);
    }
    if (input.status) {
      await requireFollowUp(ctx, row, actors);
      if (actionStatusesWithReason.includes(input.status) && !input.statusReason)
        throw fieldError(
          'contract.reason_required',
          'statusReason',
          `Indiquez le motif : « ${actionStatusLabels[input.status]} ».`,
        );
    }
    await ctx.trx
      .updateTable('contract_actions')
      .set({
        ...(input.plan
          ? {
              label: input.plan.label ?? action.label,
              responsible_organisation_id: input.plan.responsibleOrganisationId,
              planned_start: input.plan.plannedStart,
              planned_end: input.plan.plannedEnd,
              planned_weekly_hours: input.plan.plannedWeeklyHours,
            }
          : {}),
        ...(input.status
          ? {
              status: input.status,
              status_reason: actionStatusesWithReason.includes(input.status)
                ? (input.statusReason ?? null)
                : null,
            }
          : {}),
        updated_at: ctx.now,
      })
      .where('territory_id', '=', t)
      .where('id', '=', action.id)
      .execute();
    emitContractEvent(ctx, 'ContractActionUpdated', row.person_id, row.id, {
      label: input.plan?.label ?? action.label,
      status: input.status ? actionStatusLabels[input.status].toLocaleLowerCase('fr-FR') : null,
    });
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
