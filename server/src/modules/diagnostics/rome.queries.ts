import type { Db } from '../../db/database';
import { RomeIndex } from './rome.index';

/**
 * One index per database (a process has one; each test file its own), built on first use from
 * `rome_appellations`, which is loaded at start and never changes afterwards.
 */
const indexes = new WeakMap<object, Promise<RomeIndex>>();

async function buildIndex(db: Db): Promise<RomeIndex> {
  const rows = await db
    .selectFrom('rome_appellations')
    .select(['code', 'label', 'rome_code', 'rome_label', 'search_text'])
    .execute();
  return new RomeIndex(
    rows.map((r) => ({
      item: { code: r.code, label: r.label, romeCode: r.rome_code, romeLabel: r.rome_label },
      text: r.search_text,
    })),
  );
}

/** `key` is the long-lived database handle; `db` the connection or transaction to read with. */
export async function romeIndex(key: object, db: Db): Promise<RomeIndex> {
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(db);
    indexes.set(key, index);
  }
  const built = await index.catch((error: unknown) => {
    indexes.delete(key);
    throw error;
  });
  // Not loaded yet (a fresh database before its reference data): try again next time.
  if (built.size === 0) indexes.delete(key);
  return built;
}

/** Whether a job title code exists (projects of a diagnostic name real ROME jobs). */
export async function existingAppellations(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('rome_appellations')
    .select(['code', 'rome_code'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r.rome_code]));
}
