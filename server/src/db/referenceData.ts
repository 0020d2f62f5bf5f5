import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database';

// server/data, whether this runs from server/src/db (tsx, tests) or from the bundle in server/dist.
export const dataDir =
  [path.join(import.meta.dirname, '..', '..', 'data'), path.join(import.meta.dirname, '..', 'data')].find(
    (dir) => existsSync(path.join(dir, 'communes.tsv')),
  ) ?? path.join(import.meta.dirname, '..', '..', 'data');

/** Shipped reference data loaded when its table is empty (communes, ROME jobs). Idempotent. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await ensureCommunes(db);
  await ensureRomeAppellations(db);
}

async function isEmpty(db: Db, table: 'communes' | 'rome_appellations'): Promise<boolean> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n) === 0;
}

const tsvRows = (file: string) =>
  readFileSync(path.join(dataDir, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/\r$/, '').split('\t'));

async function ensureCommunes(db: Db): Promise<void> {
  if (!(await isEmpty(db, 'communes'))) return;
  const rows = tsvRows('communes.tsv').map(([code = '', name = '', postal = '', lat = '', lon = '']) => ({
    code,
    name,
    postal_codes: postal.split(/[,; ]+/).filter(Boolean),
    latitude: lat ? Number(lat) : null,
    longitude: lon ? Number(lon) : null,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('communes')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  // Statistics now, so the planner reads the prefix btree rather than guessing on an empty table.
  await sql`analyze rome_appellations`.execute(db);
}

/**
 * The searchable form of a label or of what someone typed: no accents, lower case, any run of
 * punctuation (hyphens, slashes, apostrophes) as one space — so « Aide-soignant / Aide-soignante »
 * reads "aide soignant aide soignante" and "aide soignant" finds it by prefix. Computed here for
 * both the stored column and the query, so the two can never disagree.
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** ROME job titles (appellations) with the label of their ROME sheet (server/data/rome). */
async function ensureRomeAppellations(db: Db): Promise<void> {
  if (!(await isEmpty(db, 'rome_appellations'))) return;
  const sheets = new Map(tsvRows('rome/fiches.tsv').map(([code = '', label = '']) => [code, label]));
  const rows = tsvRows('rome/appellations.tsv').map(([code = '', label = '', romeCode = '']) => {
    const romeLabel = sheets.get(romeCode);
    if (!romeLabel) throw new Error(`ROME: appellation ${code} names an unknown sheet ${romeCode}`);
    return { code, label, rome_code: romeCode, rome_label: romeLabel, search_text: searchText(label) };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('rome_appellations')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  // Statistics now, so the planner reads the prefix btree rather than guessing on an empty table.
  await sql`analyze rome_appellations`.execute(db);
}
