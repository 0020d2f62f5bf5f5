import { type Kysely, sql } from 'kysely';

/** Periodic jobs: last run of each (a daily job runs once a day across processes), and what they announced. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job_runs (
      name text primary key,
      last_run_on date not null,
      last_run_at timestamptz not null,
      last_outcome jsonb
    )`.execute(db);
  // Facts announced once (a SIAE contract ending, turning 26): the key makes a re-run a no-op.
  await sql`
    create table person_notices (
      territory_id uuid not null,
      kind text not null,
      key text not null,
      person_id uuid not null,
      noticed_at timestamptz not null,
      primary key (territory_id, kind, key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table person_notices`.execute(db);
  await sql`drop table job_runs`.execute(db);
}
