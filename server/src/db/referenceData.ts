import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

// server/data, whether this runs from server/src/db (tsx, tests) or from the bundle in server/dist.
const dataDir =
  [path.join(import.meta.dirname, '..', '..', 'data'), path.join(import.meta.dirname, '..', 'data')].find(
    (dir) => existsSync(path.join(dir, 'communes.tsv')),
  ) ?? path.join(import.meta.dirname, '..', '..', 'data');

/** Loads shipped reference data (communes) when the table is empty. Idempotent. */
export async function ensureReferenceData(db: Db): Promise<void> {
  const { n } = await db
    .selectFrom('communes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) return;
  const lines = readFileSync(path.join(dataDir, 'communes.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const rows = lines.map((line) => {
    const [code = '', name = '', postal = '', lat = '', lon = ''] = line.split('\t');
    return {
      code,
      name,
      postal_codes: postal.split(/[,; ]+/).filter(Boolean),
      latitude: lat ? Number(lat) : null,
      longitude: lon ? Number(lon) : null,
    };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('communes')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
