import type { ErrorBody } from '@spie/contract';
import { nirKey, type PersonSummary } from '@spie/contract/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createPersonFixture } from '../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
let girard: TestClient;
const ids: Record<string, string> = {};
const NIR = (() => {
  const body = '1920575056123';
  return `${body}${String(nirKey(body)).padStart(2, '0')}`;
})();

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.deps.database.db;
  const followed = [{ lastName: 'Girard', role: 'referent' as const }];
  ids.lefevre = await createPersonFixture(ctx, followed, {
    birthName: 'Lefèvre',
    firstNames: ['Hélène', 'Marie'],
    birthDate: '1979-03-08',
  });
  ids.lefebvre = await createPersonFixture(ctx, followed, { birthName: 'Lefebvre', firstNames: ['Paul'] });
  ids.nguyen = await createPersonFixture(ctx, followed, { birthName: 'Nguyen', firstNames: ['Linh'] });
  ids.other = await createPersonFixture(ctx, [{ lastName: 'Petit', role: 'referent' }], {
    birthName: 'Lefèvre',
    firstNames: ['Jeanne'],
  });
  for (let i = 0; i < 5; i++)
    ids[`martin${i}`] = await createPersonFixture(ctx, followed, {
      birthName: 'Martin',
      firstNames: [`Zoé${i}`],
    });
  await db
    .updateTable('persons')
    .set({
      nir_index: ctx.deps.crypto.blindIndex(NIR),
      benefit_matricule: '7654321',
      france_travail_id: '1234567A',
    })
    .where('id', '=', ids.nguyen)
    .execute();
  girard = await loginAs(ctx, 'Girard');
});
afterAll(() => ctx.close());

const search = async (client: TestClient, q: string, extra = '') =>
  client.request<{ items: PersonSummary[]; next: string | null }>(
    'GET',
    `/api/people?q=${encodeURIComponent(q)}${extra}`,
  );
const idsOf = (items: PersonSummary[]) => items.map((i) => i.id);

describe('searching the people I may see', () => {
  it('finds names whatever the accents and case, best match first', async () => {
    const res = await search(girard, 'LEFEVRE');
    expect(res.status).toBe(200);
    expect(idsOf(res.body.items)[0]).toBe(ids.lefevre);
    expect(idsOf(res.body.items)).toContain(ids.lefebvre);
    // Petit's person of the same name is out of Girard's reach.
    expect(idsOf(res.body.items)).not.toContain(ids.other);
    expect(res.body.items[0]).toMatchObject({ displayName: 'Hélène LEFÈVRE', myRole: 'referent' });
  });

  it('tolerates typos, finds first names and short prefixes', async () => {
    expect(idsOf((await search(girard, 'lefevr')).body.items)).toContain(ids.lefevre);
    expect(idsOf((await search(girard, 'Nguyem')).body.items)).toEqual([ids.nguyen]);
    expect(idsOf((await search(girard, 'helene')).body.items)).toEqual([ids.lefevre]);
    expect(idsOf((await search(girard, 'ng')).body.items)).toEqual([ids.nguyen]);
    // Several words: each must be found somewhere in the name, typos allowed.
    expect(idsOf((await search(girard, 'lefevre mari')).body.items)).toEqual([ids.lefevre]);
    expect(idsOf((await search(girard, 'helen lefevre')).body.items)).toEqual([ids.lefevre]);
  });

  it('finds by birth date in both notations, NIR, CAF matricule and France Travail id', async () => {
    expect(idsOf((await search(girard, '08/03/1979')).body.items)).toEqual([ids.lefevre]);
    expect(idsOf((await search(girard, '1979-03-08')).body.items)).toEqual([ids.lefevre]);
    expect(idsOf((await search(girard, NIR.replace(/^(\d)(\d{2})/, '$1 $2 '))).body.items)).toEqual([
      ids.nguyen,
    ]);
    expect(idsOf((await search(girard, '7654321')).body.items)).toEqual([ids.nguyen]);
    expect(idsOf((await search(girard, '1234567a')).body.items)).toEqual([ids.nguyen]);
    const bad = await search(girard, '31/02/1979');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).error.fields?.[0]?.path).toBe('q');
  });

  it('pages with an opaque cursor, ordered by relevance, name then id', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res = await search(girard, 'martin', `&limit=2${next ? `&after=${next}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...idsOf(res.body.items));
      next = res.body.next;
    } while (next);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set([0, 1, 2, 3, 4].map((i) => ids[`martin${i}`])));
    const forged = await search(girard, 'martin', `&after=${Buffer.from('["x",1,2]').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect((forged.body as unknown as ErrorBody).error.code).toBe('pagination.invalid_cursor');
  });

  it('lists names starting with the input first, then close spellings, across pages without repeats', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await search(girard, 'lefevre', `&limit=1${next ? `&after=${next}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...idsOf(res.body.items));
      next = res.body.next;
      pages++;
    } while (next && pages < 10);
    // "Lefèvre" starts with the input (first tier); "Lefebvre" is a close spelling (second tier).
    expect(seen).toEqual([ids.lefevre, ids.lefebvre]);
  });

  it('scopes results: the orientation manager sees the territory, the steering viewer nobody', async () => {
    const benali = await loginAs(ctx, 'Benali');
    expect(idsOf((await search(benali, 'lefèvre')).body.items)).toEqual(
      expect.arrayContaining([ids.lefevre, ids.other]),
    );
    const petit = await loginAs(ctx, 'Petit');
    expect(idsOf((await search(petit, 'lefevre')).body.items)).toEqual([ids.other]);
    const lambert = await loginAs(ctx, 'Lambert');
    expect((await search(lambert, 'lefevre')).status).toBe(403);
  });
});
