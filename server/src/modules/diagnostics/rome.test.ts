import { type RomeAppellation, diagnosticsRoutes as r } from '@spie/contract/diagnostics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchText } from '../../db/referenceData';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { editDistance } from './rome.index';

let ctx: TestContext;
let client: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  client = await loginAs(ctx, 'Girard');
});
afterAll(() => ctx.close());

async function search(q: string, limit?: number): Promise<RomeAppellation[]> {
  const res = await client.call<{ items: RomeAppellation[] }>(r.romeSearch, {
    query: { q, ...(limit ? { limit: String(limit) } : {}) },
  });
  expect(res.status).toBe(200);
  return res.body.items;
}
const labels = (items: RomeAppellation[]) => items.map((i) => i.label);

describe('ROME reference data', () => {
  it('loads every job title of server/data/rome with its sheet label and searchable text', async () => {
    const db = ctx.deps.database.db;
    const rows = await db.selectFrom('rome_appellations').selectAll().execute();
    expect(rows.length).toBe(11061);
    const baker = rows.find((row) => row.code === '11573');
    expect(baker).toMatchObject({
      label: 'Boulanger / Boulangère',
      rome_code: 'D1102',
      rome_label: 'Boulangerie - viennoiserie',
      search_text: 'boulanger boulangere',
    });
    expect(rows.every((row) => row.search_text === searchText(row.label))).toBe(true);
  });

  it('normalises accents, case, ligatures and punctuation alike for titles and queries', () => {
    expect(searchText('Aide-soignant / Aide-soignante')).toBe('aide soignant aide soignante');
    expect(searchText('  ŒNOLOGUE  d’Élevage ')).toBe('oenologue d elevage');
    expect(searchText('Maçon')).toBe('macon');
  });
});

describe('GET /api/rome/appellations', () => {
  it('finds a title whatever the accents and case', async () => {
    expect(labels(await search('boulangere'))[0]).toBe('Boulanger / Boulangère');
    expect(labels(await search('BOULANGÈRE'))[0]).toBe('Boulanger / Boulangère');
    expect(labels(await search('macon'))[0]).toBe('Maçon / Maçonne');
  });

  it('tolerates typos: « boulenger » finds the baker, « menusier » the joiner', async () => {
    expect(labels(await search('boulenger'))[0]).toBe('Boulanger / Boulangère');
    expect(labels(await search('menusier'))[0]).toBe('Menuisier / Menuisière');
    expect(labels(await search('magazinier'))[0]).toBe('Magasinier / Magasinière');
  });

  it('matches across hyphens and in any word order', async () => {
    const typed = await search('aide soignant');
    expect(typed[0]).toMatchObject({
      code: '10891',
      label: 'Aide-soignant / Aide-soignante',
      romeCode: 'J1501',
    });
    expect(labels(await search('soignant aide'))[0]).toBe('Aide-soignant / Aide-soignante');
    expect(labels(await search('chauffeur poids lourd'))).toContain('Chauffeur / Chauffeuse de poids lourd');
  });

  it('puts titles starting with the query first, shorter first, then words found further in', async () => {
    const found = labels(await search('boulanger', 30));
    expect(found[0]).toBe('Boulanger / Boulangère');
    const firstInner = found.findIndex((l) => !searchText(l).startsWith('boulanger'));
    expect(firstInner).toBeGreaterThan(0);
    expect(found.slice(firstInner).every((l) => !searchText(l).startsWith('boulanger'))).toBe(true);
    expect(found).toContain('Chef boulanger / boulangère');
  });

  it('respects the limit (15 by default, 30 at most) and refuses a one-letter query', async () => {
    expect(await search('agent')).toHaveLength(15);
    expect(await search('agent', 5)).toHaveLength(5);
    const tooShort = await client.call(r.romeSearch, { query: { q: 'a' } });
    expect(tooShort.status).toBe(400);
    expect(JSON.stringify(tooShort.body)).toContain('Tapez au moins 2 lettres.');
    expect((await client.call(r.romeSearch, { query: { q: 'agent', limit: '31' } })).status).toBe(400);
  });

  it('lists the titles of a ROME sheet by its code, and nothing for gibberish', async () => {
    const sheet = await search('d1102', 30);
    expect(sheet.length).toBeGreaterThan(3);
    expect(sheet.every((i) => i.romeCode === 'D1102')).toBe(true);
    expect(await search('xqzwv')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours, capped at max + 1', () => {
    expect(editDistance('boulenger', 'boulanger', 2)).toBe(1);
    expect(editDistance('menusier', 'menuisier', 2)).toBe(1);
    expect(editDistance('cariste', 'caritse', 2)).toBe(1);
    expect(editDistance('secretere', 'secretaire', 2)).toBe(2);
    expect(editDistance('plombier', 'boulanger', 2)).toBe(3);
    expect(editDistance('boulen', 'boulanger', 1, 6)).toBe(1);
  });
});
