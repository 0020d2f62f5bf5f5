import {
  type ContractStatus,
  contractsRoutes,
  runningContractStatuses,
  type WeekDetail,
} from '@spie/contract/contracts';
import type { MemberActor } from '../../kernel/actor';
import type { UseCaseContext } from '../../kernel/useCase';
import { defineUseCase } from '../../kernel/useCase';
import { addDays, parisToday, type Relation } from '../people';
import { actionRunsIn, loadActivityPlan, mondayOf, targetOf } from './activity.queries';
import { contractAccess, contractActorsOf } from './contracts.access';
import { loadContractRow } from './contracts.store';

/** Why hours of `weekStart` cannot be recorded on this contract (null: they can). */
export function weekRefusal(
  weekStart: string,
  contract: { start_on: string | null; end_on: string | null },
  now: Date,
): { code: string; message: string } | null {
  if (weekStart > mondayOf(parisToday(now)))
    return {
      code: 'contract.hours_future_week',
      message: 'Vous ne pouvez pas saisir d’heures pour une semaine qui n’a pas commencé.',
    };
  if (contract.start_on && addDays(weekStart, 6) < contract.start_on)
    return {
      code: 'contract.hours_before_start',
      message: `Cette semaine est avant le début du contrat (${frenchDay(contract.start_on)}) : vous ne pouvez pas y saisir d’heures.`,
    };
  if (contract.end_on && weekStart > addDays(mondayOf(contract.end_on), 7))
    return {
      code: 'contract.hours_after_end',
      message: `Cette semaine est plus d’une semaine après la fin du contrat (${frenchDay(contract.end_on)}) : vous ne pouvez pas y saisir d’heures.`,
    };
  return null;
}

const frenchDay = (iso: string) => `le ${iso.split('-').reverse().join('/')}`;

/** May the caller record hours of this action (running contract, référent or the action's organisation)? */
export function mayRecordHours(
  actor: MemberActor,
  relation: Relation,
  contractStatus: string,
  actionOrganisationId: string | null,
): boolean {
  if (!runningContractStatuses.includes(contractStatus as ContractStatus)) return false;
  return contractActorsOf(actor, relation, actionOrganisationId).length > 0;
}

async function readable(ctx: UseCaseContext<MemberActor>, contractId: string) {
  const row = await loadContractRow(ctx.trx, ctx.actor.territoryId, contractId);
  const { read, relation } = await contractAccess(ctx, row.person_id);
  return { row, relation, read };
}

/**
 * One week of a contract: each action running that week (or with hours recorded that week),
 * its planned hours, the entry recorded, and whether the caller may record it.
 */
export const weekDetail = defineUseCase({
  name: 'contracts.week',
  kind: 'query',
  input: contractsRoutes.week.params,
  authorize: async (ctx, input) => (await readable(ctx, input.id)).read,
  run: async (ctx, input): Promise<WeekDetail> => {
    const t = ctx.actor.territoryId;
    const { row, relation } = await readable(ctx, input.id);
    const plan = await loadActivityPlan(ctx.trx, t, row.id);
    const actions = await ctx.trx
      .selectFrom('contract_actions as a')
      .innerJoin('contract_objectives as o', (j) =>
        j.onRef('o.territory_id', '=', 'a.territory_id').onRef('o.id', '=', 'a.objective_id'),
      )
      .leftJoin('organisations as org', (j) =>
        j
          .onRef('org.territory_id', '=', 'a.territory_id')
          .onRef('org.id', '=', 'a.responsible_organisation_id'),
      )
      .leftJoin('weekly_hours as h', (j) =>
        j
          .onRef('h.territory_id', '=', 'a.territory_id')
          .onRef('h.action_id', '=', 'a.id')
          .on('h.week_start', '=', input.weekStart),
      )
      .leftJoin('accounts as acc', 'acc.id', 'h.recorded_by_account_id')
      .select([
        'a.id',
        'a.label',
        'a.status',
        'a.planned_start',
        'a.planned_end',
        'a.planned_weekly_hours',
        'a.responsible_organisation_id',
        'org.name as organisation_name',
        'o.label as objective_label',
        'h.hours',
        'h.source',
        'h.recorded_at',
        'h.recorded_by_account_id',
        'acc.first_name',
        'acc.last_name',
      ])
      .where('a.territory_id', '=', t)
      .where('a.contract_id', '=', row.id)
      .orderBy('o.position')
      .orderBy('a.position')
      .execute();
    const recordable = weekRefusal(input.weekStart, row, ctx.now) === null;
    await ctx.audit({
      action: 'contracts.week',
      subjectType: 'contract',
      subjectId: row.id,
      personId: row.person_id,
      section: 'journey',
      details: { weekStart: input.weekStart },
    });
    return {
      contractId: row.id,
      weekStart: input.weekStart,
      targetHours: targetOf(input.weekStart, row, plan.adjustments).targetHours,
      actions: actions
        .filter((a) => a.hours !== null || actionRunsIn(input.weekStart, { ...a }, row.end_on))
        .map((a) => ({
          actionId: a.id,
          label: a.label,
          objectiveLabel: a.objective_label,
          responsibleOrganisation:
            a.responsible_organisation_id && a.organisation_name
              ? { id: a.responsible_organisation_id, name: a.organisation_name }
              : null,
          plannedHours: actionRunsIn(input.weekStart, { ...a }, row.end_on)
            ? Number(a.planned_weekly_hours)
            : 0,
          entry:
            a.hours !== null && a.source && a.recorded_at
              ? {
                  actionId: a.id,
                  weekStart: input.weekStart,
                  hours: Number(a.hours),
                  source: a.source as 'referent' | 'organisation' | 'person',
                  recordedBy: a.recorded_by_account_id
                    ? { accountId: a.recorded_by_account_id, name: `${a.first_name} ${a.last_name}` }
                    : null,
                  recordedAt: new Date(a.recorded_at).toISOString(),
                }
              : null,
          canRecord:
            recordable && mayRecordHours(ctx.actor, relation, row.status, a.responsible_organisation_id),
        })),
    };
  },
});
