import { type AnyRoute, allRoutes, buildPath } from '@spie/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleBindings } from '../app';
import { createOtherTerritory, loginAs } from '../testing/fixtures';
import { TestClient } from '../testing/httpClient';
import { createTestContext, type TestContext } from '../testing/testContext';

/**
 * Every route the server answers must refuse an anonymous caller (401) and must not let a member
 * of an unrelated organisation reach this territory's data (403/404, or no leak for routes
 * without a resource id). A new route fails here until it has a rule and a sample input.
 */

/** Routes anyone may call, each with its reason. Adding one here is a reviewed decision. */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/auth/session': 'says whether one is signed in',
  'GET /api/auth/methods': 'login page',
  'GET /api/auth/demo/accounts': 'demo login page (demo mode only)',
  'POST /api/auth/demo/login': 'demo login (demo mode only)',
  'GET /api/docs': 'API documentation',
  'GET /api/docs/openapi.json': 'API documentation',
  'GET /healthz': 'liveness probe',
  'GET /readyz': 'readiness probe',
};

/**
 * Routes any member of the territory may use, whatever their organisation, with the reason.
 * Every other route must refuse a professional of an unrelated organisation of the same territory.
 */
const OPEN_TO_TERRITORY_MEMBERS: Record<string, string> = {
  'auth.chooseMembership': "acts on one's own session only (others' memberships are 404)",
  'auth.logout': 'own session',
  'auth.logoutEverywhere': 'own sessions',
  'territories.getTerritory': "territory name and settings frame everyone's work",
  'territories.listOrganisations': 'the organisation directory of the territory',
  'territories.getOrganisation': 'an organisation card of the directory',
  'territories.listCommunes': 'public reference data',
  'notifications.demoInbox': "demo mode, scoped to one's own messages",
};

/** Valid inputs, so that a refusal comes from the rule and not from validation. */
function sampleInput(
  route: AnyRoute,
  ids: Ids,
): { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } {
  const org = {
    kind: 'association',
    name: 'Association témoin',
    siret: '',
    safirCode: '',
    address: { line: '1 rue Témoin', postalCode: '93000', communeCode: '93008' },
    email: '',
    phone: '',
    sensitive: false,
    parentId: null,
  };
  const samples: Record<
    string,
    { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }
  > = {
    'auth.chooseMembership': { body: { membershipId: ids.membershipId } },
    'auth.logout': {},
    'auth.logoutEverywhere': {},
    'territories.getTerritory': {},
    'territories.updateSettings': { body: { settings: {}, version: 1 } },
    'territories.listOrganisations': {},
    'territories.getOrganisation': { params: { id: ids.organisationId } },
    'territories.createOrganisation': { body: org },
    'territories.updateOrganisation': {
      params: { id: ids.organisationId },
      body: { organisation: org, version: 1 },
    },
    'territories.setOrganisationActive': { params: { id: ids.organisationId }, body: { active: false } },
    'territories.listAccounts': {},
    'territories.getAccount': { params: { id: ids.accountId } },
    'territories.createAccount': {
      body: {
        email: 'temoin@example.org',
        firstName: 'T',
        lastName: 'Témoin',
        memberships: [{ organisationId: ids.organisationId, role: 'professional' }],
      },
    },
    'territories.updateAccount': {
      params: { id: ids.accountId },
      body: { account: { email: 'x@example.org', firstName: 'X', lastName: 'Y' }, version: 1 },
    },
    'territories.setAccountActive': { params: { id: ids.accountId }, body: { active: false } },
    'territories.addMembership': {
      params: { id: ids.accountId },
      body: { organisationId: ids.organisationId, role: 'professional' },
    },
    'territories.endMembership': { params: { id: ids.accountId, membershipId: ids.membershipId } },
    'territories.listCommunes': { query: { q: 'bobigny' } },
    'notifications.demoInbox': {},
    'audit.list': {},
  };
  const sample = samples[route.id];
  if (!sample) throw new Error(`No sample input for route ${route.id}: add one to routePermissions.test.ts`);
  return sample;
}

interface Ids {
  territoryId: string;
  organisationId: string;
  accountId: string;
  membershipId: string;
}

let ctx: TestContext;
let ids: Ids;

/** Resets the database (demo territory + an unrelated one) and reads the ids of a 93 professional. */
async function freshWorld(): Promise<void> {
  await ctx.reset();
  await createOtherTerritory(ctx);
  const m = await ctx.deps.database.db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['m.id', 'm.account_id', 'm.organisation_id', 'm.territory_id'])
    .where('t.code', '=', '93')
    .where('a.last_name', '=', 'Girard')
    .executeTakeFirstOrThrow();
  ids = {
    territoryId: m.territory_id,
    organisationId: m.organisation_id,
    accountId: m.account_id,
    membershipId: m.id,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await freshWorld();
});
afterAll(() => ctx.close());

describe('route permissions', () => {
  it('every /api route the server answers comes from the contract or is a listed public route', () => {
    const contract = new Set(allRoutes.map((r) => `${r.method} ${r.path}`));
    const served = ctx.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    const unknown = served.filter(
      (key) => key.includes('/api/') && !contract.has(key) && !(key in PUBLIC_ROUTES),
    );
    expect(unknown).toEqual([]);
    // and every contract route is bound to a handler
    const bound = new Set(moduleBindings.map((b) => b.route.id));
    expect(allRoutes.filter((r) => !bound.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('public routes are exactly the reviewed list', () => {
    const publicInContract = allRoutes
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.path}`);
    for (const key of publicInContract)
      expect(PUBLIC_ROUTES, `${key} is public but not reviewed`).toHaveProperty([key]);
  });

  const protectedRoutes = allRoutes.filter((r) => r.access !== 'public');

  it.each(protectedRoutes.map((r) => [r.id, r] as const))(
    '%s refuses an anonymous caller with 401',
    async (_id, route) => {
      const client = new TestClient(ctx.app);
      const res = await client.call(route, sampleInput(route, ids));
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { kind: 'unauthenticated', code: 'auth.required' } });
      expect((res.body as { error: { message: string } }).error.message).toMatch(/connecté/);
    },
  );

  it.each(protectedRoutes.map((r) => [r.id, r] as const))(
    '%s keeps this territory out of reach of an unrelated organisation',
    async (_id, route) => {
      for (const lastName of ['Ailleurs', 'Autreadmin']) {
        await freshWorld();
        const secrets = [
          ids.territoryId,
          ids.organisationId,
          ids.accountId,
          ids.membershipId,
          'Seine-Saint-Denis',
          'Girard',
        ];
        const client = await loginAs(ctx, lastName);
        const res = await client.call(route, sampleInput(route, ids));
        const hasResourceId = /:[a-zA-Z]+/.test(route.path) || route.id === 'auth.chooseMembership';
        if (hasResourceId) {
          expect(
            [403, 404],
            `${route.id} as ${lastName}: ${res.status} ${JSON.stringify(res.body)}`,
          ).toContain(res.status);
        } else if (res.status < 300) {
          const text = JSON.stringify(res.body);
          for (const secret of secrets)
            expect(text, `${route.id} as ${lastName} leaks ${secret}`).not.toContain(secret);
        } else {
          expect([400, 403, 404, 409], `${route.id} as ${lastName}`).toContain(res.status);
        }
      }
    },
  );

  it.each(protectedRoutes.filter((r) => !(r.id in OPEN_TO_TERRITORY_MEMBERS)).map((r) => [r.id, r] as const))(
    '%s refuses a professional of another organisation of the same territory',
    async (_id, route) => {
      await freshWorld();
      const client = await loginAs(ctx, 'Petit');
      const res = await client.call(route, sampleInput(route, ids));
      expect([403, 404], `${route.id}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
    },
  );

  it('builds paths for every protected route (no unbound parameter)', () => {
    for (const route of protectedRoutes) {
      const { params } = sampleInput(route, ids);
      expect(() => buildPath(route.path, params ?? {})).not.toThrow();
    }
  });
});
