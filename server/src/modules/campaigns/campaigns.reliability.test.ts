import type { Campaign } from '@spie/contract/campaigns';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { type MessageSenders, type OutgoingMessage, StoredOnlySender } from '../../kernel/messaging';
import { loginAs } from '../../testing/fixtures';
import type { TestClient } from '../../testing/httpClient';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { deliverNotifications, NOTIFICATION_LEASE_MS } from '../notifications';
import { markContactInvalid } from '../people';
import {
  anonymousClient,
  codeOf,
  DAY,
  launch,
  launchBody,
  lostPeople,
  ok,
  r,
  recipientsOf,
  territoryId,
} from './campaigns.testkit';
import type { PublicInvitation } from './publicInvitation';

/**
 * A provider that, like a real one, dedups by reference and reports delivery later (webhook):
 * its ids are `prov-<n>`, so the tests can send delivery reports about them.
 */
class LateReportingSms {
  readonly name = 'late-sms';
  readonly byReference = new Map<string, string>();
  calls = 0;
  async send(m: OutgoingMessage) {
    this.calls++;
    const known = this.byReference.get(m.reference);
    if (known) return { providerId: known };
    const id = `prov-${this.byReference.size + 1}`;
    this.byReference.set(m.reference, id);
    return { providerId: id };
  }
}

/** Kills the worker at the N+1-th statement containing `marker` (see deliverNotifications.test.ts). */
class CrashAt implements KyselyPlugin {
  seen = 0;
  constructor(
    private readonly marker: string,
    private readonly after: number,
  ) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as { kind: string; sqlFragments?: readonly string[] };
    if (
      node.kind === 'RawNode' &&
      node.sqlFragments?.join('?').includes(this.marker) &&
      ++this.seen > this.after
    ) {
      throw new Error('simulated crash (worker killed)');
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

const KEY = 'cle-du-fournisseur-sms-de-test-0123';
const sms = new LateReportingSms();
const senders: MessageSenders = { sms, email: new StoredOnlySender(), letter: new StoredOnlySender() };
let ctx: TestContext;
let haddad: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ senders, env: { SMS_PROVIDER_KEY: KEY } });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  sms.byReference.clear();
  sms.calls = 0;
  haddad = await loginAs(ctx, 'Haddad');
});

const db = () => ctx.deps.database.db;

async function drainWorker() {
  for (let i = 0; i < 10; i++) await ctx.runWorker();
}

describe('a worker killed in the middle of a campaign', () => {
  it('between two batches: it resumes where it stopped and nobody gets two messages', async () => {
    await lostPeople(ctx, 120);
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    const crash = new CrashAt('attempts = attempts + 1', 1);
    await expect(
      deliverNotifications(db().withPlugin(crash) as Db, senders, ctx.clock, { batchSize: 50 }),
    ).rejects.toThrow('simulated crash');
    expect(sms.calls).toBe(50);
    // A new worker process goes on.
    await drainWorker();
    expect(sms.calls).toBe(120);
    expect(sms.byReference.size).toBe(120);
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.every((x) => x.step === 'invitee' && x.delivery === 'envoye')).toBe(true);
  });

  it('after the provider accepted, before the outcome was written: the retry reuses the references, the provider sends once', async () => {
    await lostPeople(ctx, 80);
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    const crash = new CrashAt('from unnest(', 0);
    await expect(
      deliverNotifications(db().withPlugin(crash) as Db, senders, ctx.clock, { batchSize: 50 }),
    ).rejects.toThrow('simulated crash');
    expect(sms.calls).toBe(50);
    // A restarted worker sends the other 30; the 50 wait for their lease to run out.
    await drainWorker();
    expect(sms.calls).toBe(80);
    expect((await recipientsOf(ctx, campaign.id)).filter((x) => x.step === 'invitee')).toHaveLength(30);
    ctx.clock.advance(NOTIFICATION_LEASE_MS);
    await drainWorker();
    // 50 sent again with the same reference: the provider answered the first send.
    expect(sms.calls).toBe(130);
    expect(sms.byReference.size).toBe(80);
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.filter((x) => x.step === 'invitee')).toHaveLength(80);
    const ids = await db()
      .selectFrom('notifications')
      .select('provider_id')
      .where('related_kind', '=', 'campaign_recipient')
      .execute();
    expect(new Set(ids.map((n) => n.provider_id)).size).toBe(80);
  });
});

describe('SMS delivery reports', () => {
  const report = (body: unknown, key: string | null = KEY) =>
    anonymousClient(ctx).request(
      'POST',
      '/api/messaging/sms/delivery-reports',
      body,
      key ? { authorization: `Bearer ${key}` } : {},
    );

  it('need the provider key', async () => {
    const body = { reports: [{ providerId: 'prov-1', status: 'delivered' }] };
    for (const key of [null, 'mauvaise-cle', `${KEY}x`]) {
      const res = await report(body, key);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'messaging.bad_provider_key' } });
    }
    expect(ok(await report(body), 201)).toEqual({ applied: 0 });
  });

  it('come from the provider’s server: no browser session, no CSRF cookie, only the key', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/messaging/sms/delivery-reports',
      headers: { authorization: `Bearer ${KEY}` },
      payload: { reports: [{ providerId: 'prov-sans-session', status: 'delivered' }] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ applied: 0 });
  });

  it('delivered → « remis »; invalid recipient → « non remis », unreachable, number to check; a repeated report changes nothing', async () => {
    await lostPeople(ctx, 4);
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    await drainWorker();
    const rows = await recipientsOf(ctx, campaign.id);
    expect(rows.every((x) => x.delivery === 'envoye')).toBe(true);
    const providerOf = async (recipientId: string) =>
      (
        await db()
          .selectFrom('notifications')
          .select('provider_id')
          .where('related_id', '=', recipientId)
          .executeTakeFirstOrThrow()
      ).provider_id as string;
    const [a, b, c] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    const body = {
      reports: [
        { providerId: await providerOf(a.id), status: 'delivered', at: '2026-11-02T09:00:05Z' },
        { providerId: await providerOf(b.id), status: 'invalid_recipient' },
        { providerId: await providerOf(c.id), status: 'failed' },
        { providerId: 'inconnu', status: 'delivered' },
      ],
    };
    expect(ok(await report(body), 201)).toEqual({ applied: 3 });
    await drainWorker();
    const after = new Map((await recipientsOf(ctx, campaign.id)).map((x) => [x.id, x]));
    expect(after.get(a.id)).toMatchObject({ delivery: 'remis', outcome: 'en_attente' });
    expect(after.get(b.id)).toMatchObject({ delivery: 'echec', outcome: 'injoignable' });
    expect(after.get(c.id)).toMatchObject({ delivery: 'echec', outcome: 'en_attente' });
    const person = await db()
      .selectFrom('persons')
      .select('phone_invalid_at')
      .where('id', '=', b.person_id)
      .executeTakeFirstOrThrow();
    expect(person.phone_invalid_at).not.toBeNull();
    const notification = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('related_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(notification).toMatchObject({ delivery: 'delivered' });
    expect(notification.delivered_at?.toISOString()).toBe('2026-11-02T09:00:05.000Z');
    // the same reports again: nothing new (one NotificationUndeliverable only)
    expect(ok(await report(body), 201)).toEqual({ applied: 3 });
    const events = await db()
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', 'NotificationUndeliverable')
      .execute();
    expect(events).toHaveLength(1);
    // The invalid recipient was reminded at D+3? No: unreachable people are not reminded.
    ctx.clock.advance(3 * DAY);
    await drainWorker();
    const reminded = await db()
      .selectFrom('notifications')
      .select('related_id')
      .where('subject', 'like', 'Rappel : %')
      .execute();
    expect(reminded.map((n) => n.related_id).sort()).toEqual(
      [a.id, c.id, (rows[3] as { id: string }).id].sort(),
    );
  });

  it('are refused (404) when no SMS provider is configured', async () => {
    const bare = await createTestContext();
    try {
      const res = await anonymousClient(bare).request(
        'POST',
        '/api/messaging/sms/delivery-reports',
        { reports: [{ providerId: 'x', status: 'delivered' }] },
        { authorization: `Bearer ${KEY}` },
      );
      expect(res.status).toBe(404);
    } finally {
      await bare.close();
    }
  }, 60_000);
});

describe('cancelling a campaign', () => {
  it('drops the messages not yet sent, stops reminders and links; appointments booked stay', async () => {
    await lostPeople(ctx, 5);
    const campaign = ok(await launch(haddad, await launchBody(ctx)), 201);
    const rows = await recipientsOf(ctx, campaign.id);
    // one person answers before the worker even ran
    const code = codeOf(ctx, (rows[0] as { id: string }).id);
    ok(
      await anonymousClient(ctx).call(r.publicBook, {
        params: { token: code },
        body: { slotId: campaign.slots[0]?.id },
      }),
      201,
    );
    expect(ok(await haddad.call(r.cancel, { params: { id: campaign.id } }), 201)).toEqual({ ok: true });
    const notifications = await db()
      .selectFrom('notifications')
      .select(['status', 'last_error'])
      .where('related_kind', '=', 'campaign_recipient')
      .execute();
    expect(notifications).toHaveLength(5);
    expect(
      notifications.every(
        (n) => n.status === 'failed' && n.last_error === 'Campagne annulée : message non envoyé.',
      ),
    ).toBe(true);
    await drainWorker();
    expect(sms.calls).toBe(1); // the booking's confirmation only
    ctx.clock.advance(4 * DAY);
    await drainWorker();
    expect(
      await db().selectFrom('notifications').select('id').where('subject', 'like', 'Rappel : %').execute(),
    ).toEqual([]);
    const other = codeOf(ctx, (rows[1] as { id: string }).id);
    const page = ok(
      await anonymousClient(ctx).call<PublicInvitation>(r.publicInvitation, { params: { token: other } }),
    );
    expect(page.state).toBe('expiree');
    const late = await anonymousClient(ctx).call(r.publicCallback, { params: { token: other }, body: {} });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'campaigns.invitation_expired' } });
    expect((late.body as { error: { message: string } }).error.message).toMatch(
      /^Cette invitation n’est plus valable\./,
    );
    expect(
      await db().selectFrom('appointments').select('id').where('campaign_id', '=', campaign.id).execute(),
    ).toHaveLength(1);
    haddad = await loginAs(ctx, 'Haddad');
    const view = ok(await haddad.call<Campaign>(r.get, { params: { id: campaign.id } }));
    expect(view.status).toBe('annulee');
    // twice: harmless; convoking a cancelled campaign: refused
    ok(await haddad.call(r.cancel, { params: { id: campaign.id } }), 201);
    const convoke = await haddad.call(r.convoke, {
      params: { id: campaign.id },
      body: {
        firstStartsAt: '2026-11-20T09:00',
        professionalAccountId: campaign.slots[0]?.professional.accountId,
      },
    });
    expect(convoke.status).toBe(409);
    expect(convoke.body).toMatchObject({ error: { code: 'campaigns.cancelled' } });
  });
});

describe('contact data found invalid', () => {
  it('is flagged only if it is still the one the message went to', async () => {
    const [personId] = await lostPeople(ctx, 1);
    const t = await territoryId(ctx);
    await db()
      .updateTable('persons')
      .set({ phone_mobile: '06 12 34 56 78' })
      .where('id', '=', personId as string)
      .execute();
    const at = ctx.clock.now();
    expect(await markContactInvalid(db(), t, personId as string, 'sms', at, '0700000000')).toBe(false);
    expect(await markContactInvalid(db(), t, personId as string, 'sms', at, '0612345678')).toBe(true);
    // the first date stays
    expect(await markContactInvalid(db(), t, personId as string, 'sms', new Date(at.getTime() + DAY))).toBe(
      false,
    );
    const row = await db()
      .selectFrom('persons')
      .select(['phone_invalid_at', 'email_invalid_at'])
      .where('id', '=', personId as string)
      .executeTakeFirstOrThrow();
    expect(row.phone_invalid_at?.toISOString()).toBe(at.toISOString());
    expect(row.email_invalid_at).toBeNull();
  });
});
