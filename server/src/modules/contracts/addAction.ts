import { contractsRoutes } from '@spie/contract/contracts';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { currentReferential } from '../diagnostics';
import { checkPlannedDates, checkResponsibleOrganisation } from './contracts.actions';
import { contractAuditSubject, loadObjective, lockForWrite, mayWriteContractById } from './contracts.guard';
import { loadContractRow, requirePlanEdit, toContract } from './contracts.store';
import { emitContractEvent } from './contracts.timeline';

const r = contractsRoutes.addAction;

/**
 * An action under an objective: from the territory's list (its label; its usual weekly hours when
 * none are given) or a short free label; the organisation running it; planned dates and hours.
 */
export const addAction = defineUseCase({
  name: 'contracts.addAction',
  kind: 'command',
  input: r.params.and(r.body),
  authorize: (ctx, input) => mayWriteContractById(ctx, input.id),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const { row, actors } = await lockForWrite(ctx, input.id);
    const objective = await loadObjective(ctx, row.id, input.objectiveId);
    await requirePlanEdit(ctx, row, actors);
    let label = input.label;
    let hours = input.plannedWeeklyHours;
    if (input.code) {
      const list = await currentReferential(ctx.trx, t, 'action_plan');
      const item = list.content.actions.find((a) => a.code === input.code && !a.retired);
      if (!item)
        throw fieldError(
          'contract.action_unknown',
          'code',
          'Cette action n’est pas dans la liste du territoire.',
        );
      label = item.label;
      if (hours === 0) hours = item.defaultWeeklyHours;
    }
    checkPlannedDates(input.plannedStart, input.plannedEnd);
    await checkResponsibleOrganisation(ctx, input.responsibleOrganisationId);
    const last = await ctx.trx
      .selectFrom('contract_actions')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('territory_id', '=', t)
      .where('objective_id', '=', objective.id)
      .executeTakeFirst();
    const { id: actionId } = await ctx.trx
      .insertInto('contract_actions')
      .values({
        territory_id: t,
        contract_id: row.id,
        objective_id: objective.id,
        person_id: row.person_id,
        position: Number(last?.p ?? 0) + 1,
        code: input.code,
        label: label as string,
        responsible_organisation_id: input.responsibleOrganisationId,
        planned_start: input.plannedStart,
        planned_end: input.plannedEnd,
        planned_weekly_hours: hours,
        status: 'prevue',
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    emitContractEvent(ctx, 'ContractActionAdded', row.person_id, row.id, { label });
    // The plan changed: alert rules on the journey (next step, activity) re-evaluate (no timeline entry).
    ctx.emit({
      type: 'ContractActionChanged',
      territoryId: t,
      payload: { personId: row.person_id, contractId: row.id, actionId },
    });
    return toContract(ctx, await loadContractRow(ctx.trx, t, row.id));
  },
  auditSubject: (input, output) => contractAuditSubject(input.id, output.personId),
});
