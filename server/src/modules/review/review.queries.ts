import { type AlertView, severityRank } from '@spie/contract/review';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { parisToday } from '../people';
import { loadTerritory } from '../territories';
import { type AlertRow, toAlertView } from './review.detail';

/** Alerts with the name of who acknowledged them. */
export function alertRows(db: Db, territoryId: string) {
  return db
    .selectFrom('alerts as a')
    .leftJoin('accounts as ack', 'ack.id', 'a.acknowledged_by_account_id')
    .select([
      'a.id',
      'a.person_id',
      'a.rule_id',
      'a.severity',
      'a.status',
      'a.details',
      'a.since',
      'a.opened_at',
      'a.acknowledged_at',
      'a.acknowledged_by_account_id',
      'ack.first_name as ack_first_name',
      'ack.last_name as ack_last_name',
      'a.note',
      'a.next_step_on',
      'a.snoozed_until',
      'a.snooze_reason',
      'a.resolved_at',
      'a.resolution',
    ])
    .where('a.territory_id', '=', territoryId);
}

/** The most urgent first: severity, then the oldest. */
export function byUrgency(a: AlertView, b: AlertView): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.since ?? '9999').localeCompare(b.since ?? '9999') ||
    a.openedAt.localeCompare(b.openedAt)
  );
}

export async function loadAlertView(
  db: Db,
  territoryId: string,
  alertId: string,
  now: Date,
): Promise<AlertView> {
  const row = await alertRows(db, territoryId).where('a.id', '=', alertId).executeTakeFirstOrThrow();
  return toAlertView(row as AlertRow, parisToday(now));
}

export async function periodicReviewDays(db: Db, territoryId: string): Promise<number> {
  return (await loadTerritory(db, territoryId)).settings.periodicReviewDays;
}

/**
 * The next « point de situation » of a followed person: the last one (or else the start of the
 * référent's follow-up) + the territory's period. Null when nobody is référent.
 */
export async function reviewDueOn(
  db: Db,
  territoryId: string,
  personId: string,
  periodDays: number,
): Promise<string | null> {
  const row = await sql<{ due: string | null }>`
    select (coalesce(
      (select max(r.reviewed_on) from situation_reviews r where r.territory_id = ${territoryId} and r.person_id = ${personId}),
      (coalesce(f.started_at, f.created_at) at time zone 'Europe/Paris')::date) + ${periodDays}::int)::text as due
    from follow_ups f
    where f.territory_id = ${territoryId} and f.person_id = ${personId} and f.role = 'referent' and f.status = 'active'`
    .execute(db)
    .then((r) => r.rows[0]);
  return row?.due ?? null;
}
