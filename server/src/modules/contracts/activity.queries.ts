import {
  type AdjustmentGround,
  type AdjustmentKind,
  type ContractStatus,
  openContractStatuses,
  stoppedActionStatuses,
  type WeekActivity,
} from '@spie/contract/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { addDays } from '../people';

/**
 * Weekly activity of a contract (domain §3): target, planned, done and declared hours per week.
 * A fixed number of queries whatever the period: the contract's actions and adjustments once,
 * and one grouped query over `weekly_hours` by (territory_id, person_id, week_start), served by
 * the index `weekly_hours_person` (index-only scan: hours and source are included). Weeks are
 * then computed in memory.
 */

/** The Monday (ISO week start) of the week holding `isoDate`. */
export function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((day + 6) % 7));
}

/** Mondays from `from` to `to`, both included (both are Mondays). */
export function mondaysBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = from; w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

export const weeksCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000)) + 1;

export interface ActivityContract {
  id: string;
  person_id: string;
  status: string;
  start_on: string | null;
  end_on: string | null;
  weekly_target_hours: number | string;
}

export interface ActivityAction {
  id: string;
  planned_start: string;
  planned_end: string | null;
  planned_weekly_hours: number | string;
  status: string;
}

export interface ActivityAdjustment {
  kind: string;
  ground: string;
  hours: number | string;
  start_on: string;
  end_on: string;
  recorded_at: Date | string;
}

/** [start, end] (end null = open) overlaps the week starting on `monday`. */
const overlaps = (monday: string, start: string | null, end: string | null) =>
  (start === null || start <= addDays(monday, 6)) && (end === null || end >= monday);

/** The action runs that week and still counts in the plan (not abandoned nor cancelled). */
export function actionRunsIn(monday: string, a: ActivityAction, contractEnd: string | null): boolean {
  if (stoppedActionStatuses.includes(a.status as never)) return false;
  return overlaps(monday, a.planned_start, a.planned_end ?? contractEnd);
}

/** The adjustment in force that week: the latest-starting one covering it. */
export function adjustmentOf(monday: string, adjustments: readonly ActivityAdjustment[]) {
  let found: ActivityAdjustment | null = null;
  for (const a of adjustments) {
    if (!overlaps(monday, a.start_on, a.end_on)) continue;
    if (
      !found ||
      a.start_on > found.start_on ||
      (a.start_on === found.start_on && String(a.recorded_at) > String(found.recorded_at))
    )
      found = a;
  }
  return found;
}

/**
 * Target of a week: nothing outside the contract's period; else the contract's weekly target,
 * unless an adjustment covers the week (reduction → its hours, waiver → 0).
 */
export function targetOf(
  monday: string,
  contract: ActivityContract,
  adjustments: readonly ActivityAdjustment[],
) {
  const adjustment = adjustmentOf(monday, adjustments);
  if (!overlaps(monday, contract.start_on, contract.end_on)) return { targetHours: 0, adjustment };
  if (adjustment)
    return { targetHours: adjustment.kind === 'dispense' ? 0 : Number(adjustment.hours), adjustment };
  return { targetHours: Number(contract.weekly_target_hours), adjustment };
}

export const plannedOf = (monday: string, actions: readonly ActivityAction[], contractEnd: string | null) =>
  actions
    .filter((a) => actionRunsIn(monday, a, contractEnd))
    .reduce((sum, a) => sum + Number(a.planned_weekly_hours), 0);

/** The person's current engagement contract (open statuses), or else their latest one. */
export async function activityContractOf(
  db: Db,
  territoryId: string,
  personId: string,
): Promise<ActivityContract | null> {
  const rows = await db
    .selectFrom('engagement_contracts')
    .select(['id', 'person_id', 'status', 'start_on', 'end_on', 'weekly_target_hours', 'created_at'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('kind', '=', 'engagement')
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return rows.find((r) => openContractStatuses.includes(r.status as ContractStatus)) ?? rows[0] ?? null;
}

export async function loadActivityPlan(db: Db, territoryId: string, contractId: string) {
  const [actions, adjustments] = await Promise.all([
    db
      .selectFrom('contract_actions')
      .select(['id', 'planned_start', 'planned_end', 'planned_weekly_hours', 'status'])
      .where('territory_id', '=', territoryId)
      .where('contract_id', '=', contractId)
      .execute(),
    db
      .selectFrom('activity_adjustments')
      .select(['kind', 'ground', 'hours', 'start_on', 'end_on', 'recorded_at'])
      .where('territory_id', '=', territoryId)
      .where('contract_id', '=', contractId)
      .execute(),
  ]);
  return { actions, adjustments };
}

/** Done and declared hours of the person per week (one grouped, index-only query). */
export async function hoursByWeek(db: Db, territoryId: string, personId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('weekly_hours')
    .select([
      'week_start',
      sql<number>`coalesce(sum(hours), 0)`.as('done'),
      sql<number>`coalesce(sum(hours) filter (where source = 'person'), 0)`.as('declared'),
    ])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('week_start', '>=', from)
    .where('week_start', '<=', to)
    .groupBy('week_start')
    .execute();
  return new Map(rows.map((r) => [r.week_start, { done: Number(r.done), declared: Number(r.declared) }]));
}

export function computeWeeks(
  weeks: readonly string[],
  contract: ActivityContract,
  plan: { actions: readonly ActivityAction[]; adjustments: readonly ActivityAdjustment[] },
  hours: ReadonlyMap<string, { done: number; declared: number }>,
): WeekActivity[] {
  return weeks.map((monday) => {
    const { targetHours, adjustment } = targetOf(monday, contract, plan.adjustments);
    const h = hours.get(monday);
    return {
      weekStart: monday,
      targetHours,
      plannedHours: round2(plannedOf(monday, plan.actions, contract.end_on)),
      doneHours: round2(h?.done ?? 0),
      declaredHours: round2(h?.declared ?? 0),
      adjustment: adjustment
        ? {
            kind: adjustment.kind as AdjustmentKind,
            ground: adjustment.ground as AdjustmentGround,
            endOn: adjustment.end_on,
          }
        : null,
    };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
