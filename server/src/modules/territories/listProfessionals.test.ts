import type { Organisation, Professional } from '@spie/contract/territories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
let orgs: Organisation[];
const orgId = (namePart: string) => {
  const org = orgs.find((o) => o.name.includes(namePart));
  if (!org) throw new Error(namePart);
  return org.id;
};

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await loginAs(ctx, 'Fontaine');
  orgs = (await admin.request<{ items: Organisation[] }>('GET', '/api/organisations')).body.items;
});
afterAll(() => ctx.close());

describe('professionals of an organisation', () => {
  it('lists who accompanies people there, with work contact only', async () => {
    const cohen = await loginAs(ctx, 'Cohen');
    const res = await cohen.request<{ items: Professional[] }>(
      'GET',
      `/api/organisations/${orgId('Bobigny – Drancy')}/professionals`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((p) => p.lastName)).toEqual(['Girard', 'Haddad', 'Moreau']);
    const girard = res.body.items.find((p) => p.lastName === 'Girard');
    expect(girard).toMatchObject({ firstName: 'Thomas', roles: ['professional'] });
    expect(girard?.workEmail).toMatch(/@ali-bobigny\.demo\.example\.org$/);
    expect(Object.keys(girard ?? {}).sort()).toEqual([
      'accountId',
      'firstName',
      'lastName',
      'roles',
      'workEmail',
      'workPhone',
    ]);
  });

  it('never reveals the staff of a sensitive organisation to others, but to its own members', async () => {
    const cohen = await loginAs(ctx, 'Cohen');
    const hidden = await cohen.request('GET', `/api/organisations/${orgId('addictologie')}/professionals`);
    expect(hidden.status).toBe(403);
    expect(hidden.body).toMatchObject({ error: { code: 'organisation.staff_hidden' } });
    const amrani = await loginAs(ctx, 'Amrani');
    const own = await amrani.request<{ items: Professional[] }>(
      'GET',
      `/api/organisations/${orgId('addictologie')}/professionals`,
    );
    expect(own.body.items.map((p) => p.lastName)).toEqual(['Amrani']);
  });

  it('is closed to steering viewers, who see nothing nominative', async () => {
    const lambert = await loginAs(ctx, 'Lambert');
    const res = await lambert.request('GET', `/api/organisations/${orgId('Bobigny – Drancy')}/professionals`);
    expect(res.status).toBe(403);
  });
});
