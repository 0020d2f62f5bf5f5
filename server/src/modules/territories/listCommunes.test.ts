import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
let girard: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  girard = await loginAs(ctx, 'Girard');
});
afterAll(() => ctx.close());

const names = async (q: string) => {
  const res = await girard.request('GET', `/api/communes?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body as { items: { code: string; name: string }[] }).items;
};

describe('commune autocomplete', () => {
  it('finds a commune by its name, without accents, with a typo, or by postal code', async () => {
    expect((await names('Bobigny'))[0]).toMatchObject({ code: '93008', name: 'Bobigny' });
    expect((await names('bobigni'))[0]?.code).toBe('93008');
    expect((await names('BOBIG'))[0]?.code).toBe('93008');
    expect((await names('93000')).map((c) => c.code)).toContain('93008');
    // The server still answers after the trigram searches (a crashed PGlite would not).
    expect((await names('Drancy'))[0]?.code).toBe('93029');
  });
});
