import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Clock } from './clock';

/** The calendar day in France, where the territories are (Europe/Paris). */
export function parisDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * Runs `run` at most once per calendar day, whatever the number of server processes: the first
 * to move `job_runs.last_run_on` to today wins. A failed run does not count (it is retried).
 */
export async function runDailyJob(
  db: Db,
  clock: Clock,
  name: string,
  run: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown> | null> {
  const now = clock.now();
  const today = parisDay(now);
  const claimed = await sql<{ name: string; previous: string | null }>`
    insert into job_runs (name, last_run_on, last_run_at)
    values (${name}, ${today}::date, ${now})
    on conflict (name) do update set last_run_on = excluded.last_run_on, last_run_at = excluded.last_run_at
      where job_runs.last_run_on < excluded.last_run_on
    returning name`.execute(db);
  if (claimed.rows.length === 0) return null;
  try {
    const outcome = await run();
    await db
      .updateTable('job_runs')
      .set({ last_outcome: JSON.stringify(outcome) })
      .where('name', '=', name)
      .execute();
    return outcome;
  } catch (error) {
    // Give the day back so the next pass retries.
    await sql`update job_runs set last_run_on = ${today}::date - 1 where name = ${name}`.execute(db);
    throw error;
  }
}
