import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { composeDeps, createWorker } from '../compose';
import { loadConfig } from '../config';
import { type Database, databaseFromPglite, databaseFromUrl, openPglite } from '../db/database';
import { ensureDemoTerritory } from '../demo/demoTerritory';
import { ManualClock } from '../kernel/clock';
import type { Deps } from '../kernel/deps';
import type { MessageSenders } from '../kernel/messaging';
import { withDatabase } from './globalSetup';

export const TEST_KEY = Buffer.alloc(32, 7);
export const T0 = '2026-11-02T09:00:00.000Z';

/** One database per test file: PGlite loaded from the migrated template, or a PostgreSQL clone of it. */
async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `spie_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = databaseFromUrl(url, 1);
    await sql.raw(`create database ${name} template ${inject('pgTemplate')}`).execute(admin.db);
    const database = databaseFromUrl(withDatabase(url, name), 5);
    return {
      database,
      drop: async () => {
        await database.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const database = databaseFromPglite(await openPglite(null, blob));
  return { database, drop: () => database.close() };
}

export interface TestContext {
  deps: Deps;
  clock: ManualClock;
  app: FastifyInstance;
  /** Empties every table but reference data and migrations, then reloads the demo territory. */
  reset(): Promise<void>;
  /** Runs the background jobs once (outbox, notifications). */
  runWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestContext(
  options: { demo?: boolean; senders?: MessageSenders; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  const clock = new ManualClock(T0);
  const config = loadConfig({
    NODE_ENV: 'test',
    SPIE_DEMO: options.demo === false ? '0' : '1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const deps = composeDeps({
    config,
    database,
    logger: pino({ level: 'silent' }),
    clock,
    secretKey: TEST_KEY,
    ...(options.senders ? { senders: options.senders } : {}),
  });
  const app = await buildApp(deps, { serveWeb: false });
  const worker = createWorker(deps);
  const reset = async () => {
    clock.set(T0);
    await database.db.transaction().execute(async (trx) => {
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables
        where schemaname = 'public' and tablename not in ('communes', 'rome_appellations', 'kysely_migration', 'kysely_migration_lock')`.execute(
        trx,
      );
      const names = tables.rows.map((t) => `"${t.tablename}"`).join(', ');
      // The audit log refuses TRUNCATE by trigger; tests may empty it, the application may not.
      await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
      await sql.raw(`truncate ${names} cascade`).execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
    });
    await ensureDemoTerritory(deps);
  };
  await reset();
  return {
    deps,
    clock,
    app,
    reset,
    runWorker: () => worker.runOnce(),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
