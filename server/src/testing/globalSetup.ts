import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { databaseFromPglite, databaseFromUrl, openPglite } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { ensureReferenceData } from '../db/referenceData';

/**
 * Migrates one template database for the whole run: on PGlite a dumped data directory that each
 * test file loads; on PostgreSQL (DATABASE_URL) a template database each file clones.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const templateName = `spie_tmpl_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = databaseFromUrl(url, 2);
    await sql.raw(`create database ${templateName}`).execute(admin.db);
    const templateUrl = withDatabase(url, templateName);
    const template = databaseFromUrl(templateUrl, 2);
    await migrateToLatest(template.db);
    await ensureReferenceData(template.db);
    await template.close();
    project.provide('pgTemplate', templateName);
    return async () => {
      await sql.raw(`drop database if exists ${templateName} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const instance = await openPglite(null);
  const database = databaseFromPglite(instance);
  await migrateToLatest(database.db);
  await ensureReferenceData(database.db);
  const dump = await instance.dumpDataDir('none');
  await database.close();
  const dir = path.join(os.tmpdir(), `spie-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
