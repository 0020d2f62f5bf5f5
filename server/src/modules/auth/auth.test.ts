import type { ErrorBody } from '@spie/contract';
import type { SessionInfo } from '@spie/contract/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountIdByLastName, loginAs } from '../../testing/fixtures';
import { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';

const MINUTE = 60_000;

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

async function demoLogin(lastName: string) {
  const client = new TestClient(ctx.app);
  const res = await client.request<SessionInfo>('POST', '/api/auth/demo/login', {
    accountId: await accountIdByLastName(ctx, lastName),
  });
  return { client, res };
}

const errorOf = (body: unknown) => (body as ErrorBody).error;

function setCookieHeaders(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  return raw === undefined ? [] : [raw].flat().map(String);
}

describe('demo login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and activates the only membership', async () => {
    const { client, res } = await demoLogin('Girard');
    expect(res.status).toBe(200);
    const cookie = setCookieHeaders(res.headers).find((c) => c.startsWith('spie_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(res.body.authenticated).toBe(true);
    expect(res.body.account?.lastName).toBe('Girard');
    expect(res.body.memberships).toHaveLength(1);
    expect(res.body.activeMembership).toMatchObject({
      role: 'professional',
      organisationName: "Agence locale d'insertion de Bobigny – Drancy",
    });
    expect(res.body.expiresAt).toBe('2026-11-02T21:00:00.000Z');
    // the session works for member routes right away
    const territory = await client.request<{ code: string }>('GET', '/api/territory');
    expect(territory.status).toBe(200);
    expect(territory.body.code).toBe('93');
  });

  it('leaves the choice open for an account with two memberships, and member routes wait for it', async () => {
    const { client, res } = await demoLogin('Roux');
    expect(res.status).toBe(200);
    expect(res.body.activeMembership).toBeNull();
    expect(res.body.memberships.map((m) => m.role).sort()).toEqual(['social_worker', 'structure_manager']);

    const before = await client.request('GET', '/api/territory');
    expect(before.status).toBe(403);
    expect(errorOf(before.body).code).toBe('auth.membership_required');
    expect(errorOf(before.body).message).toMatch(/Choisissez/);

    const manager = res.body.memberships.find((m) => m.role === 'structure_manager');
    const chosen = await client.request<SessionInfo>('POST', '/api/auth/membership', {
      membershipId: manager?.id,
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.activeMembership?.id).toBe(manager?.id);
    expect(chosen.body.activeMembership?.role).toBe('structure_manager');

    const after = await client.request('GET', '/api/territory');
    expect(after.status).toBe(200);
    // and a structure manager may now read accounts (their organisation's)
    const accounts = await client.request<{ items: { lastName: string }[] }>('GET', '/api/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((a) => a.lastName)).toEqual(['Roux']);
  });

  it("refuses another account's membership as not found", async () => {
    const other = await ctx.deps.database.db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('m.id')
      .where('a.last_name', '=', 'Girard')
      .executeTakeFirstOrThrow();
    const { client } = await demoLogin('Roux');
    const res = await client.request('POST', '/api/auth/membership', { membershipId: other.id });
    expect(res.status).toBe(404);
    expect(errorOf(res.body).code).toBe('auth.membership_not_found');
    // still no active membership
    const session = await client.request<SessionInfo>('GET', '/api/auth/session');
    expect(session.body.activeMembership).toBeNull();
  });

  it('writes an auth.login audit row with the account id', async () => {
    const accountId = await accountIdByLastName(ctx, 'Girard');
    await demoLogin('Girard');
    const rows = await ctx.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account_id: accountId,
      subject_type: 'account',
      subject_id: accountId,
      outcome: 'success',
      details: { method: 'demo' },
    });
  });

  it('refuses an unknown or deactivated account', async () => {
    const accountId = await accountIdByLastName(ctx, 'Girard');
    await ctx.deps.database.db
      .updateTable('accounts')
      .set({ active: false })
      .where('id', '=', accountId)
      .execute();
    const client = new TestClient(ctx.app);
    const res = await client.request('POST', '/api/auth/demo/login', { accountId });
    expect(res.status).toBe(404);
    expect(errorOf(res.body).code).toBe('auth.account_not_found');
    expect(setCookieHeaders(res.headers).some((c) => c.startsWith('spie_session='))).toBe(false);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    const client = await loginAs(ctx, 'Girard');
    client.csrfEnabled = false;
    const res = await client.request('POST', '/api/auth/logout', {});
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('csrf.invalid');
    expect(errorOf(res.body).message).toMatch(/jeton de sécurité/);
    // the session is still open
    client.csrfEnabled = true;
    expect((await client.request('GET', '/api/territory')).status).toBe(200);
  });

  it('refuses a CSRF header that does not match the cookie', async () => {
    const client = await loginAs(ctx, 'Girard');
    const res = await client.request(
      'POST',
      '/api/auth/logout',
      {},
      { 'x-csrf-token': 'not-the-cookie-value' },
    );
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('csrf.invalid');
  });
});

describe('logout', () => {
  it('revokes the session: the next call is 401', async () => {
    const client = await loginAs(ctx, 'Girard');
    const out = await client.request('POST', '/api/auth/logout', {});
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    const rows = await ctx.deps.database.db.selectFrom('sessions').select('revoked_at').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revoked_at?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(client.cookies.has('spie_session')).toBe(false);
    const res = await client.request('GET', '/api/territory');
    expect(res.status).toBe(401);
    expect(errorOf(res.body).code).toBe('auth.required');
    const session = await client.request<SessionInfo>('GET', '/api/auth/session');
    expect(session.body.authenticated).toBe(false);
  });

  it('a replayed cookie after logout is refused', async () => {
    const client = await loginAs(ctx, 'Girard');
    const token = client.cookies.get('spie_session') as string;
    await client.request('POST', '/api/auth/logout', {});
    const replay = new TestClient(ctx.app);
    replay.cookies.set('spie_session', token);
    const res = await replay.request('GET', '/api/territory');
    expect(res.status).toBe(401);
  });

  it('logout-everywhere closes both sessions of the account', async () => {
    const laptop = await loginAs(ctx, 'Girard');
    const phone = await loginAs(ctx, 'Girard');
    const bystander = await loginAs(ctx, 'Petit');
    const res = await laptop.request<{ closed: number }>('POST', '/api/auth/logout-everywhere', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ closed: 2 });
    expect((await laptop.request('GET', '/api/territory')).status).toBe(401);
    expect((await phone.request('GET', '/api/territory')).status).toBe(401);
    expect((await bystander.request('GET', '/api/territory')).status).toBe(200);
    const audit = await ctx.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.logoutEverywhere')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ closed: 2 });
  });
});

describe('session lifetime', () => {
  it('expires after 30 idle minutes, not before', async () => {
    const client = await loginAs(ctx, 'Girard');
    ctx.clock.advance(29 * MINUTE);
    expect((await client.request('GET', '/api/territory')).status).toBe(200);
    // the call above counted as activity: 29 more minutes are fine again
    ctx.clock.advance(29 * MINUTE);
    expect((await client.request('GET', '/api/territory')).status).toBe(200);
    ctx.clock.advance(31 * MINUTE);
    const res = await client.request('GET', '/api/territory');
    expect(res.status).toBe(401);
    expect(errorOf(res.body).code).toBe('auth.required');
  });

  it('expires after 12 hours even with constant activity', async () => {
    const client = await loginAs(ctx, 'Girard');
    // a call every 20 minutes for 11 h 40
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      ctx.clock.advance(20 * MINUTE);
      const res = await client.request('GET', '/api/territory');
      expect(res.status, `after ${elapsed} minutes`).toBe(200);
    }
    ctx.clock.advance(20 * MINUTE); // exactly 12 h after login
    expect((await client.request('GET', '/api/territory')).status).toBe(401);
  });

  it("a deactivated account's session stops working", async () => {
    const client = await loginAs(ctx, 'Girard');
    expect((await client.request('GET', '/api/territory')).status).toBe(200);
    await ctx.deps.database.db
      .updateTable('accounts')
      .set({ active: false })
      .where('last_name', '=', 'Girard')
      .execute();
    const res = await client.request('GET', '/api/territory');
    expect(res.status).toBe(401);
    const session = await client.request<SessionInfo>('GET', '/api/auth/session');
    expect(session.body.authenticated).toBe(false);
  });
});

describe('demo mode off', () => {
  let off: TestContext;
  beforeAll(async () => {
    off = await createTestContext({ demo: false });
  });
  afterAll(() => off.close());

  it('refuses the demo login and hides the demo accounts', async () => {
    const client = new TestClient(off.app);
    const accountId = await accountIdByLastName(off, 'Girard');
    const login = await client.request('POST', '/api/auth/demo/login', { accountId });
    expect(login.status).toBe(404);
    expect(errorOf(login.body).code).toBe('auth.demo_disabled');
    expect(setCookieHeaders(login.headers).some((c) => c.startsWith('spie_session='))).toBe(false);
    const list = await client.request('GET', '/api/auth/demo/accounts');
    expect(list.status).toBe(404);
    expect(errorOf(list.body).code).toBe('auth.demo_disabled');
    const methods = await client.request('GET', '/api/auth/methods');
    expect(methods.body).toEqual({ demo: false, oidc: [] });
  });

  it('lists the 25 demo accounts when demo mode is on', async () => {
    const res = await new TestClient(ctx.app).request<{
      items: { lastName: string; memberships: unknown[] }[];
    }>('GET', '/api/auth/demo/accounts');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(25);
    expect(res.body.items.find((a) => a.lastName === 'Roux')?.memberships).toHaveLength(2);
  });
});
