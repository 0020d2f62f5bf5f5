import type { ErrorBody } from '@spie/contract';
import type { Notification } from '@spie/contract/notifications';
import type { Account, Organisation, Territory } from '@spie/contract/territories';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withLuhnKey } from '../../demo/demoTerritory';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';

let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  admin = await loginAs(ctx, 'Fontaine');
});

const errorOf = (body: unknown) => (body as ErrorBody).error;
const db = () => ctx.deps.database.db;

const newOrg = (overrides: Record<string, unknown> = {}) => ({
  kind: 'association',
  name: 'Association des Lilas',
  siret: withLuhnKey('7900000099001'),
  safirCode: '',
  address: { line: '3 rue des Lilas', postalCode: '93260', communeCode: '93045' },
  email: 'contact@lilas.example.org',
  phone: '',
  sensitive: false,
  parentId: null,
  ...overrides,
});

async function orgIdByName(name: string): Promise<string> {
  return (
    await db().selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}
const ALI_BOBIGNY = "Agence locale d'insertion de Bobigny – Drancy";
const DIR_INSERTION = "Direction de l'insertion — Département de la Seine-Saint-Denis";
const SSD_BOBIGNY = 'Service social départemental — Circonscription de Bobigny';

function toInput(o: Organisation) {
  return {
    kind: o.kind,
    name: o.name,
    siret: o.siret ?? '',
    safirCode: o.safirCode ?? '',
    address: {
      line: o.address.line ?? '',
      postalCode: o.address.postalCode ?? '',
      communeCode: o.address.communeCode ?? '',
    },
    email: o.email ?? '',
    phone: o.phone ?? '',
    sensitive: o.sensitive,
    parentId: o.parentId,
  };
}

describe('who may administer the territory', () => {
  it('a professional may not create or update organisations, accounts or settings', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const orgId = await orgIdByName(ALI_BOBIGNY);
    const org = (await girard.request<Organisation>('GET', `/api/organisations/${orgId}`)).body;
    const attempts = [
      await girard.request('POST', '/api/organisations', newOrg()),
      await girard.request('PUT', `/api/organisations/${orgId}`, {
        organisation: { ...toInput(org), name: 'Renommée' },
        version: org.version,
      }),
      await girard.request('POST', `/api/organisations/${orgId}/active`, { active: false }),
      await girard.request('POST', '/api/accounts', {
        email: 'x@example.org',
        firstName: 'X',
        lastName: 'Y',
        memberships: [{ organisationId: orgId, role: 'professional' }],
      }),
      await girard.request('PUT', '/api/territory/settings', { settings: {}, version: 1 }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(attempts.map((a) => errorOf(a.body).code)).toEqual([
      'territories.createOrganisation.forbidden',
      'territories.updateOrganisation.forbidden',
      'territories.setOrganisationActive.forbidden',
      'territories.createAccount.forbidden',
      'territories.updateSettings.forbidden',
    ]);
    // nothing changed
    expect(
      await db()
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 20 });
    expect((await girard.request<Organisation>('GET', `/api/organisations/${orgId}`)).body).toMatchObject({
      name: ALI_BOBIGNY,
      active: true,
      version: 1,
    });
    const denied = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(5);
  });

  it('the territory admin creates an organisation (201) that the directory then lists', async () => {
    const res = await admin.request<Organisation>('POST', '/api/organisations', newOrg());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'association',
      name: 'Association des Lilas',
      siret: withLuhnKey('7900000099001'),
      address: { communeCode: '93045', communeName: 'Les Lilas', postalCode: '93260' },
      active: true,
      version: 1,
      memberCount: 0,
    });
    const list = await (await loginAs(ctx, 'Petit')).request<{ items: Organisation[] }>(
      'GET',
      '/api/organisations',
    );
    expect(list.body.items).toHaveLength(21);
  });
});

describe('organisation validation', () => {
  it('refuses a SIRET whose Luhn key is wrong, on the siret field, in French', async () => {
    const good = withLuhnKey('7900000099001');
    const bad = `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`;
    const res = await admin.request('POST', '/api/organisations', newOrg({ siret: bad }));
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('territories.createOrganisation.invalid_input');
    expect(error.fields).toEqual([
      { path: 'siret', message: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.' },
    ]);
  });

  it('refuses an unknown commune code on address.communeCode', async () => {
    const res = await admin.request(
      'POST',
      '/api/organisations',
      newOrg({ address: { line: '', postalCode: '', communeCode: '93999' } }),
    );
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('organisation.commune_unknown');
    expect(errorOf(res.body).fields).toEqual([
      { path: 'address.communeCode', message: 'Commune inconnue : vérifiez le code INSEE.' },
    ]);
  });

  it('refuses a SAFIR code outside France Travail, and accepts it for an agency', async () => {
    const res = await admin.request('POST', '/api/organisations', newOrg({ safirCode: '93082' }));
    expect(res.status).toBe(400);
    expect(errorOf(res.body).fields).toEqual([
      { path: 'safirCode', message: 'Le code SAFIR ne concerne que les agences France Travail.' },
    ]);
    const ok = await admin.request<Organisation>(
      'POST',
      '/api/organisations',
      newOrg({ kind: 'france_travail', safirCode: '93082' }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.safirCode).toBe('93082');
  });

  it('refuses a parent cycle (and being one’s own parent)', async () => {
    const dir = await orgIdByName(DIR_INSERTION);
    const ssd = await orgIdByName(SSD_BOBIGNY);
    const current = (await admin.request<Organisation>('GET', `/api/organisations/${dir}`)).body;
    expect(current.parentId).toBeNull();
    for (const parentId of [ssd, dir]) {
      const res = await admin.request('PUT', `/api/organisations/${dir}`, {
        organisation: { ...toInput(current), parentId },
        version: current.version,
      });
      expect(res.status).toBe(400);
      expect(errorOf(res.body).code).toBe('organisation.parent_cycle');
      expect(errorOf(res.body).fields?.[0]?.path).toBe('parentId');
    }
    const after = (await admin.request<Organisation>('GET', `/api/organisations/${dir}`)).body;
    expect(after).toMatchObject({ parentId: null, version: 1 });
  });

  it('refuses a SIRET already used in the territory', async () => {
    const taken = (
      await admin.request<Organisation>('GET', `/api/organisations/${await orgIdByName(ALI_BOBIGNY)}`)
    ).body.siret;
    expect(taken).toBe(withLuhnKey('8001000010001'));
    const res = await admin.request('POST', '/api/organisations', newOrg({ siret: taken }));
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('organisation.siret_taken');
    expect(errorOf(res.body).fields).toEqual([
      { path: 'siret', message: 'Une autre structure du territoire a déjà ce SIRET.' },
    ]);
  });
});

describe('organisation updates', () => {
  it('a second update from the same version gets 409 and overwrites nothing', async () => {
    const id = await orgIdByName(ALI_BOBIGNY);
    const start = (await admin.request<Organisation>('GET', `/api/organisations/${id}`)).body;
    const colleague = await loginAs(ctx, 'Fontaine');
    const first = await admin.request<Organisation>('PUT', `/api/organisations/${id}`, {
      organisation: { ...toInput(start), name: 'ALI Bobigny – Drancy (nouveau nom)' },
      version: start.version,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'ALI Bobigny – Drancy (nouveau nom)', version: 2 });
    const second = await colleague.request('PUT', `/api/organisations/${id}`, {
      organisation: { ...toInput(start), phone: '01 02 03 04 05' },
      version: start.version,
    });
    expect(second.status).toBe(409);
    expect(errorOf(second.body).code).toBe('organisation.version_conflict');
    expect(errorOf(second.body).message).toMatch(/Rechargez la page/);
    const stored = (await admin.request<Organisation>('GET', `/api/organisations/${id}`)).body;
    expect(stored).toMatchObject({ name: 'ALI Bobigny – Drancy (nouveau nom)', phone: null, version: 2 });
  });

  it('deactivates and reactivates an organisation', async () => {
    const id = await orgIdByName('Numérique pour tous 93');
    const off = await admin.request<Organisation>('POST', `/api/organisations/${id}/active`, {
      active: false,
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    const listed = await admin.request<{ items: Organisation[] }>('GET', '/api/organisations');
    expect(listed.body.items).toHaveLength(19);
    expect(listed.body.items.some((o) => o.id === id)).toBe(false);
    const all = await admin.request<{ items: Organisation[] }>(
      'GET',
      '/api/organisations?includeInactive=true',
    );
    expect(all.body.items).toHaveLength(20);
    // a professional does not get inactive ones even when asking
    const petit = await loginAs(ctx, 'Petit');
    expect(
      (await petit.request<{ items: Organisation[] }>('GET', '/api/organisations?includeInactive=true')).body
        .items,
    ).toHaveLength(19);
    const on = await admin.request<Organisation>('POST', `/api/organisations/${id}/active`, { active: true });
    expect(on.body).toMatchObject({ active: true, version: 3 });
    expect(
      (await admin.request<{ items: Organisation[] }>('GET', '/api/organisations')).body.items,
    ).toHaveLength(20);
  });

  it('members of a deactivated organisation can no longer act through it', async () => {
    const belkacem = await loginAs(ctx, 'Belkacem');
    expect((await belkacem.request('GET', '/api/territory')).status).toBe(200);
    await admin.request('POST', `/api/organisations/${await orgIdByName('Numérique pour tous 93')}/active`, {
      active: false,
    });
    const res = await belkacem.request('GET', '/api/territory');
    expect(res.status).toBe(403);
    expect(errorOf(res.body).code).toBe('auth.membership_required');
  });
});

describe('accounts', () => {
  const newAccount = async (overrides: Record<string, unknown> = {}) => ({
    email: 'Nina.Lopez@Lilas.example.org',
    firstName: 'Nina',
    lastName: 'Lopez',
    memberships: [{ organisationId: await orgIdByName(ALI_BOBIGNY), role: 'professional' }],
    ...overrides,
  });

  it('creates an account with its memberships; a taken email is refused', async () => {
    const res = await admin.request<Account>('POST', '/api/accounts', await newAccount());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'nina.lopez@lilas.example.org',
      firstName: 'Nina',
      lastName: 'Lopez',
      active: true,
      version: 1,
    });
    expect(res.body.memberships).toHaveLength(1);
    expect(res.body.memberships[0]).toMatchObject({
      organisationName: ALI_BOBIGNY,
      role: 'professional',
      active: true,
    });

    const again = await admin.request(
      'POST',
      '/api/accounts',
      await newAccount({ firstName: 'Autre', email: 'nina.lopez@lilas.example.org' }),
    );
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('account.email_taken');
    expect(errorOf(again.body).fields?.[0]?.path).toBe('email');
    expect(
      await db()
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 26 });
  });

  it('adds and ends a membership', async () => {
    const girardId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Girard')
        .executeTakeFirstOrThrow()
    ).id;
    const plie = await orgIdByName('PLIE Est Ensemble');
    const added = await admin.request<Account>('POST', `/api/accounts/${girardId}/memberships`, {
      organisationId: plie,
      role: 'professional',
    });
    expect(added.status).toBe(201);
    expect(added.body.memberships.map((m) => m.organisationName).sort()).toEqual([
      ALI_BOBIGNY,
      'PLIE Est Ensemble',
    ]);
    const twice = await admin.request('POST', `/api/accounts/${girardId}/memberships`, {
      organisationId: plie,
      role: 'professional',
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice.body).code).toBe('membership.exists');

    const plieMembership = added.body.memberships.find((m) => m.organisationId === plie);
    const ended = await admin.request<Account>(
      'DELETE',
      `/api/accounts/${girardId}/memberships/${plieMembership?.id}`,
    );
    expect(ended.status).toBe(200);
    expect(ended.body.memberships.map((m) => m.organisationName)).toEqual([ALI_BOBIGNY]);
    const endedAgain = await admin.request(
      'DELETE',
      `/api/accounts/${girardId}/memberships/${plieMembership?.id}`,
    );
    expect(endedAgain.status).toBe(404);
    expect(errorOf(endedAgain.body).code).toBe('membership.not_found');
  });

  it('ending the membership a member acts through drops it from their session', async () => {
    const girard = await loginAs(ctx, 'Girard');
    expect((await girard.request('GET', '/api/territory')).status).toBe(200);
    const m = await db()
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.id', 'a.id as account_id'])
      .where('a.last_name', '=', 'Girard')
      .executeTakeFirstOrThrow();
    const res = await admin.request('DELETE', `/api/accounts/${m.account_id}/memberships/${m.id}`);
    expect(res.status).toBe(200);
    const after = await girard.request('GET', '/api/territory');
    expect(after.status).toBe(403);
    expect(errorOf(after.body).code).toBe('auth.membership_required');
    // still signed in, with nothing left to choose
    const session = await girard.request<{ authenticated: boolean; memberships: unknown[] }>(
      'GET',
      '/api/auth/session',
    );
    expect(session.body).toMatchObject({ authenticated: true, memberships: [] });
  });

  it('deactivating an account revokes its sessions; the admin cannot deactivate themselves', async () => {
    const girard = await loginAs(ctx, 'Girard');
    const girardId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Girard')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await admin.request<Account>('POST', `/api/accounts/${girardId}/active`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    const sessions = await db()
      .selectFrom('sessions')
      .select('revoked_at')
      .where('account_id', '=', girardId)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.revoked_at).not.toBeNull();
    expect((await girard.request('GET', '/api/territory')).status).toBe(401);
    // reactivating does not revive the old session
    await admin.request('POST', `/api/accounts/${girardId}/active`, { active: true });
    expect((await girard.request('GET', '/api/territory')).status).toBe(401);

    const fontaineId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Fontaine')
        .executeTakeFirstOrThrow()
    ).id;
    const self = await admin.request('POST', `/api/accounts/${fontaineId}/active`, { active: false });
    expect(self.status).toBe(409);
    expect(errorOf(self.body).code).toBe('account.cannot_deactivate_self');
  });

  it('updates an account with optimistic concurrency', async () => {
    const girardId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Girard')
        .executeTakeFirstOrThrow()
    ).id;
    const current = (await admin.request<Account>('GET', `/api/accounts/${girardId}`)).body;
    const body = {
      account: { email: current.email, firstName: 'Tom', lastName: current.lastName },
      version: current.version,
    };
    const first = await admin.request<Account>('PUT', `/api/accounts/${girardId}`, body);
    expect(first.body).toMatchObject({ firstName: 'Tom', version: 2 });
    const second = await admin.request('PUT', `/api/accounts/${girardId}`, {
      ...body,
      account: { ...body.account, firstName: 'Thomas-Jean' },
    });
    expect(second.status).toBe(409);
    expect(errorOf(second.body).code).toBe('account.version_conflict');
    const taken = await admin.request('PUT', `/api/accounts/${girardId}`, {
      account: { ...body.account, email: 'claire.fontaine@dir-insertion.demo.example.org' },
      version: 2,
    });
    expect(taken.status).toBe(409);
    expect(errorOf(taken.body).code).toBe('account.email_taken');
    expect((await admin.request<Account>('GET', `/api/accounts/${girardId}`)).body).toMatchObject({
      firstName: 'Tom',
      version: 2,
    });
  });
});

describe('account list', () => {
  it('walks the 25 accounts of territory 93 exactly once with limit=5, in last-name order', async () => {
    const seen: Account[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const qs: string = after ? `?limit=5&after=${encodeURIComponent(after)}` : '?limit=5';
      const res = await admin.request<{ items: Account[]; next: string | null }>('GET', `/api/accounts${qs}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items);
      after = res.body.next;
      pages++;
    } while (after && pages < 20);
    expect(pages).toBe(5);
    expect(after).toBeNull();
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((a) => a.id)).size).toBe(25);
    const names = seen.map((a) => a.lastName);
    expect(names.slice(0, 5)).toEqual(['Amrani', 'Belkacem', 'Benali', 'Bernard', 'Cherif']);
    expect(names.at(-1)).toBe('Traoré');
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' }));
    expect(names).toEqual(sorted);
  });

  it('refuses a garbage cursor', async () => {
    const res = await admin.request('GET', '/api/accounts?after=garbage');
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('pagination.invalid_cursor');
    expect(errorOf(res.body).fields).toEqual([{ path: 'after', message: 'Curseur de pagination invalide.' }]);
  });

  it('refuses a well-formed cursor holding a value that is not an id', async () => {
    const forged = Buffer.from(JSON.stringify(['girard', 'thomas', 'not-a-uuid'])).toString('base64url');
    const res = await admin.request('GET', `/api/accounts?after=${forged}`);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('pagination.invalid_cursor');
  });

  it('a structure manager sees only the accounts of their organisation', async () => {
    const haddad = await loginAs(ctx, 'Haddad');
    const res = await haddad.request<{ items: Account[]; next: string | null }>('GET', '/api/accounts');
    expect(res.status).toBe(200);
    expect(res.body.items.map((a) => a.lastName)).toEqual(['Girard', 'Haddad', 'Moreau']);
    expect(res.body.next).toBeNull();
    const petitId = (
      await db()
        .selectFrom('accounts')
        .select('id')
        .where('last_name', '=', 'Petit')
        .executeTakeFirstOrThrow()
    ).id;
    const other = await haddad.request('GET', `/api/accounts/${petitId}`);
    expect(other.status).toBe(404);
    expect(errorOf(other.body).code).toBe('account.not_found');
  });

  it('filters by name, accent-insensitively', async () => {
    const res = await admin.request<{ items: Account[] }>(
      'GET',
      `/api/accounts?q=${encodeURIComponent('lefevre')}`,
    );
    expect(res.body.items.map((a) => a.lastName)).toEqual(['Lefèvre']);
  });
});

describe('territory settings', () => {
  it('validates with a French message naming the field, and enforces the version', async () => {
    const current = (await admin.request<Territory>('GET', '/api/territory')).body;
    expect(current.settings.orientationDelayDays).toBe(42);
    const bad = await admin.request('PUT', '/api/territory/settings', {
      settings: { ...current.settings, orientationDelayDays: -3 },
      version: current.version,
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).fields).toEqual([
      { path: 'settings.orientationDelayDays', message: "Délai d'orientation : au moins 1 jour." },
    ]);

    const ok = await admin.request<Territory>('PUT', '/api/territory/settings', {
      settings: { ...current.settings, orientationDelayDays: 30 },
      version: current.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.settings.orientationDelayDays).toBe(30);
    expect(ok.body.version).toBe(current.version + 1);

    const stale = await admin.request('PUT', '/api/territory/settings', {
      settings: { ...current.settings, orientationDelayDays: 60 },
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).code).toBe('territory.version_conflict');
    expect((await admin.request<Territory>('GET', '/api/territory')).body.settings.orientationDelayDays).toBe(
      30,
    );
    const event = await db()
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'TerritorySettingsUpdated')
      .executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ changed: ['orientationDelayDays'] });
  });
});

describe('welcome email', () => {
  it('AccountCreated → the worker queues then sends one welcome, visible in the demo inbox', async () => {
    const created = await admin.request<Account>('POST', '/api/accounts', {
      email: 'nina.lopez@lilas.example.org',
      firstName: 'Nina',
      lastName: 'Lopez',
      memberships: [{ organisationId: await orgIdByName(ALI_BOBIGNY), role: 'professional' }],
    });
    expect(created.status).toBe(201);
    const before = await admin.request<{ items: Notification[] }>('GET', '/api/demo/inbox');
    expect(before.body.items).toEqual([]);

    await ctx.runWorker();
    const inbox = await admin.request<{ items: Notification[]; next: string | null }>(
      'GET',
      '/api/demo/inbox',
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({
      channel: 'email',
      recipient: 'nina.lopez@lilas.example.org',
      subject: 'Bienvenue sur SPIE',
      status: 'sent',
      attempts: 1,
      lastError: null,
    });
    expect(inbox.body.items[0]?.body).toContain('Bonjour Nina,');
    expect(inbox.body.items[0]?.body).toContain('Seine-Saint-Denis (démo)');
    const event = await db()
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'AccountCreated')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      status: 'delivered',
      attempts: 1,
      delivered_to: ['territories.welcomeNewAccount', 'people.timeline', 'review.reevaluate'],
    });

    await ctx.runWorker();
    // even if the event were delivered again, the subscriber does not send a second welcome
    await db()
      .updateTable('outbox_events')
      .set({ status: 'pending', delivered_to: [] })
      .where('id', '=', event.id)
      .execute();
    await ctx.runWorker();
    const notifications = await db().selectFrom('notifications').select(['subject', 'status']).execute();
    expect(notifications).toEqual([{ subject: 'Bienvenue sur SPIE', status: 'sent' }]);
    // a professional of another organisation does not see it
    const petit = await loginAs(ctx, 'Petit');
    expect((await petit.request<{ items: Notification[] }>('GET', '/api/demo/inbox')).body.items).toEqual([]);
  });
});
