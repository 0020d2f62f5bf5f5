import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pgliteDialect';
import type { DB } from './schema';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance when kind is pglite (dumps, tests). */
  pglite: PGlite | null;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Same value shapes on both engines: int8 and numeric as numbers, date as 'YYYY-MM-DD'. */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.date]: (v) => v,
};

/**
 * Only the extensions the migrations create: each one loaded costs PGlite memory (≈ 20 MB).
 * cube/earthdistance serve the catalogue's distance search.
 *
 * PGlite 0.5 bug: with cube loaded, pg_trgm's `%` operator (`similarity_op`) may return nothing
 * and kill the embedded server (the commune autocomplete froze the app). It depends on the order
 * the extension modules end up loaded — cube first avoids it on a quiet machine, not always under
 * load — so the code never uses `%`: `<%` (word similarity) and `similarity()` are unaffected.
 */
export const pgliteExtensions = { cube, earthdistance, pg_trgm, unaccent };

/**
 * PGlite's shared buffers live inside the server process (128 MB by default). Its data files are
 * read through the OS page cache anyway, so a smaller pool keeps the embedded server under its
 * memory budget at little cost (measured on the 100,000-person bench).
 */
const PGLITE_SHARED_BUFFERS = '64MB';

function pgliteDefaultStartParams(): string[] {
  return (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? [];
}

export async function openPglite(dataDir: string | null, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir ?? undefined, {
    extensions: pgliteExtensions,
    parsers,
    startParams: [...pgliteDefaultStartParams(), '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

export function databaseFromPglite(instance: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(instance) });
  return {
    db,
    kind: 'pglite',
    pglite: instance,
    ping: () => ping(db),
    close: () => db.destroy(),
  };
}

export function databaseFromUrl(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', pglite: null, ping: () => ping(db), close: () => db.destroy() };
}

export async function openDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
  poolSize: number;
}) {
  if (config.databaseUrl) return databaseFromUrl(config.databaseUrl, config.poolSize);
  return databaseFromPglite(await openPglite(`${config.dataDir}/pglite`));
}

async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
