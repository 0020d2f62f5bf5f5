import { type AnyRoute, allRoutes, buildPath } from '@spie/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleBindings } from '../app';
import { createOtherTerritory, loginAs } from '../testing/fixtures';
import { TestClient } from '../testing/httpClient';
import { type RouteInput, type SampleIds, sampleSets } from '../testing/routeSamples';
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
  // The person signs their engagement contract from a single-use link (token + one-time code).
  'GET /api/public/signatures/:token': 'remote signature link: state of the link only, no personal data',
  'POST /api/public/signatures/:token/code':
    'remote signature: one-time code sent to the person’s own phone or e-mail',
  'POST /api/public/signatures/:token/verify': 'remote signature: checks the one-time code',
  'POST /api/public/signatures/:token/sign': 'remote signature: signs with the ticket of a verified code',
  // The person answers a campaign invitation from its link (12-character code, only its hash kept).
  'GET /api/public/invitations/:token':
    'campaign invitation link: first name, organisation and open slots only, no other personal data',
  'POST /api/public/invitations/:token/book':
    'campaign invitation: the person books one of the proposed slots',
  'POST /api/public/invitations/:token/callback': 'campaign invitation: the person asks to be called back',
  // The receiving organisation without an account answers a referral from its link (32-byte token, only its hash kept).
  'GET /api/public/referral-links/:token':
    'referral link: what the referral shares (the person agreed), for the holder of a valid link only',
  'POST /api/public/referral-links/:token/transitions':
    'referral link: the receiving organisation answers (accept, refuse, entry…) as the receiver',
  'PUT /api/public/referral-links/:token/attendance':
    'referral link: the receiving organisation records weekly hours of presence',
  'POST /api/public/referral-links/:token/renew':
    'referral link: a new link is sent to the service’s known contact address (never one typed by the visitor)',
  // The SMS provider's webhook: 404 without a configured provider, 401 without its key.
  'POST /api/messaging/sms/delivery-reports':
    'SMS provider delivery reports, authenticated by the provider key (Bearer, constant-time compare)',
  // The national catalogue harvests the published offers (data·inclusion fields only, no personal data).
  'GET /api/data-inclusion/v1/structures':
    'public data·inclusion API: published structures only, no personal data',
  'GET /api/data-inclusion/v1/services':
    'public data·inclusion API: published services only, no personal data',
};

type Ids = SampleIds;

const OPEN_TO_TERRITORY_MEMBERS: Record<string, string> = Object.assign(
  {},
  ...sampleSets.map((s) => s.openToTerritoryMembers),
);

function sampleInput(route: AnyRoute, ids: Ids): RouteInput {
  for (const set of sampleSets) {
    const sample = set.inputs(ids)[route.id];
    if (sample) return sample;
  }
  throw new Error(`No sample input for route ${route.id}: add one to server/src/testing/routeSamples/`);
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
  for (const set of sampleSets) if (set.prepare) Object.assign(ids, await set.prepare(ctx, ids));
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
        // Every id of territory 93 the samples use, and names that only its data carries.
        const secrets = [...Object.values(ids), 'Seine-Saint-Denis', 'Girard'];
        const client = await loginAs(ctx, lastName);
        const res = await client.call(route, sampleInput(route, ids));
        // `:kind` (reference list) and `:ruleId` (alert rule) name the same thing in every territory.
        const hasResourceId =
          /:(?!kind\b|ruleId\b)[a-zA-Z]+/.test(route.path) || route.id === 'auth.chooseMembership';
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
