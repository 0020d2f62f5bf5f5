import { type Kysely, sql } from 'kysely';

/** Last run of each periodic job, so that a daily job runs once a day across processes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job_runs (
      name text primary key,
      last_run_on date not null,
      last_run_at timestamptz not null,
      last_outcome jsonb
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table job_runs`.execute(db);
}
