import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { FakeSmsSender, type MessageSenders, StoredOnlySender } from '../../kernel/messaging';
import { createTestContext, type TestContext } from '../../testing/testContext';
import { deliverNotifications, LEASE_MS } from './deliverNotifications';
import { type NewNotification, queueNotifications } from './notifications.store';

/**
 * Simulates the process dying at a given statement: the statement (and everything after it in
 * that call) never runs, exactly as if the worker had been killed there.
 */
class CrashAt implements KyselyPlugin {
  armed = false;
  seen = 0;
  statements = 0;
  constructor(
    private readonly marker: string,
    private readonly afterOccurrences = 0,
  ) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements++;
    const node = args.node as { kind: string; sqlFragments?: readonly string[] };
    if (node.kind === 'RawNode' && node.sqlFragments?.join('?').includes(this.marker)) {
      this.seen++;
      if (this.armed && this.seen > this.afterOccurrences) throw new Error('simulated crash (worker killed)');
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

const CLAIM = 'attempts = attempts + 1';
/** Tests want a call to go to the end, however loaded the machine (no time budget). */
const UNHURRIED = { timeBudgetMs: Number.POSITIVE_INFINITY };
const RECORD = 'from unnest(';

let ctx: TestContext;
let territoryId: string;
let fake: FakeSmsSender;
let senders: MessageSenders;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  territoryId = (
    await ctx.deps.database.db
      .selectFrom('territories')
      .select('id')
      .where('code', '=', '93')
      .executeTakeFirstOrThrow()
  ).id;
  fake = new FakeSmsSender();
  senders = { sms: fake, email: new StoredOnlySender(), letter: new StoredOnlySender() };
});

const db = () => ctx.deps.database.db;

async function queueSms(count: number, to = (i: number) => `06399${String(i).padStart(5, '0')}`) {
  const items: NewNotification[] = Array.from({ length: count }, (_, i) => ({
    territoryId,
    channel: 'sms',
    recipient: to(i),
    subject: 'Invitation',
    body: `Message ${i}`,
  }));
  return db()
    .transaction()
    .execute((trx) => queueNotifications(trx, items, ctx.clock.now()));
}

const statusCounts = async () =>
  Object.fromEntries(
    (
      await db()
        .selectFrom('notifications')
        .select(['status', db().fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
    ).map((r) => [r.status, Number(r.n)]),
  );

/** Every queued reference reached the provider exactly once. */
function expectEachOnce(ids: string[]) {
  expect(fake.messages).toHaveLength(ids.length);
  expect(new Set(fake.messages.map((m) => m.reference))).toEqual(new Set(ids));
}

describe('deliverNotifications', () => {
  it('sends in batches with one claim and one UPDATE per batch, at well over 200 messages/s', async () => {
    const ids = await queueSms(1000);
    const counter = new CrashAt('never');
    const started = performance.now();
    const result = await deliverNotifications(db().withPlugin(counter) as Db, senders, ctx.clock, {
      batchSize: 250,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ sent: 1000, failed: 0, undeliverable: 0 });
    expectEachOnce(ids);
    expect(await statusCounts()).toEqual({ sent: 1000 });
    // 4 full batches (claim + outcome) and one empty claim: no statement per message.
    expect(counter.statements).toBe(9);
    expect(1000 / seconds).toBeGreaterThan(200);
    const row = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', ids[0] as string)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, delivery: 'delivered', last_error: null });
    expect(row.provider_id).toMatch(/^fake-sms-/);
    expect(row.delivered_at?.toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('stops after maxBatches: the next worker pass goes on', async () => {
    await queueSms(30);
    expect(
      await deliverNotifications(db(), senders, ctx.clock, { batchSize: 10, maxBatches: 2 }),
    ).toMatchObject({
      sent: 20,
    });
    expect(
      await deliverNotifications(db(), senders, ctx.clock, { batchSize: 10, maxBatches: 2 }),
    ).toMatchObject({
      sent: 10,
    });
    expect(fake.messages).toHaveLength(30);
  });

  it('an invalid recipient: failed, delivery invalid_recipient, and a NotificationUndeliverable event in the same transaction', async () => {
    const personId = (
      await db()
        .insertInto('persons')
        .values({
          territory_id: territoryId,
          sex: 'F',
          birth_name: 'Fixe',
          first_names: ['Lina'],
          birth_date: '1990-01-01',
          phone_mobile: '01 48 00 00 00',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const relatedId = crypto.randomUUID();
    const [id] = await db()
      .transaction()
      .execute((trx) =>
        queueNotifications(
          trx,
          [
            {
              territoryId,
              channel: 'sms',
              recipient: '01 48 00 00 00',
              personId,
              subject: 'Invitation',
              body: 'Bonjour',
              relatedKind: 'campaign_recipient',
              relatedId,
            },
          ],
          ctx.clock.now(),
        ),
      );
    expect(await deliverNotifications(db(), senders, ctx.clock)).toEqual({
      sent: 0,
      failed: 0,
      undeliverable: 1,
    });
    const row = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id as string)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', delivery: 'invalid_recipient', attempts: 1 });
    expect(row.last_error).toMatch(/Destinataire invalide/);
    const events = await db()
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'NotificationUndeliverable')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      personId,
      notificationId: id,
      channel: 'sms',
      relatedKind: 'campaign_recipient',
      relatedId,
      timeline: { section: 'identity' },
    });
    // never sent again
    await deliverNotifications(db(), senders, ctx.clock);
    expect(fake.calls).toBe(1);
  });

  it('a worker killed between two batches resumes where it stopped, sending nobody twice', async () => {
    const ids = await queueSms(100);
    const crash = new CrashAt(CLAIM, 1);
    crash.armed = true;
    await expect(
      deliverNotifications(db().withPlugin(crash) as Db, senders, ctx.clock, { batchSize: 40, ...UNHURRIED }),
    ).rejects.toThrow('simulated crash');
    // The first batch went out and was recorded; nothing else was touched.
    expect(fake.messages).toHaveLength(40);
    expect(await statusCounts()).toEqual({ sent: 40, pending: 60 });
    // A new worker (no lease to wait for: the killed one had claimed nothing more).
    await deliverNotifications(db(), senders, ctx.clock, { batchSize: 40, ...UNHURRIED });
    expectEachOnce(ids);
    expect(fake.calls).toBe(100);
    expect(await statusCounts()).toEqual({ sent: 100 });
  });

  it('a worker killed after the provider accepted, before the outcome was recorded: the retry reuses the reference and the provider dedups', async () => {
    const ids = await queueSms(60);
    const crash = new CrashAt(RECORD, 0);
    crash.armed = true;
    await expect(
      deliverNotifications(db().withPlugin(crash) as Db, senders, ctx.clock, { batchSize: 25, ...UNHURRIED }),
    ).rejects.toThrow('simulated crash');
    expect(fake.messages).toHaveLength(25);
    // Still pending, leased: another pass before the lease runs out takes nothing.
    expect(await statusCounts()).toEqual({ pending: 60 });
    await deliverNotifications(db(), senders, ctx.clock, { batchSize: 25, ...UNHURRIED });
    expect(fake.calls).toBe(25 + 35);
    expect(await statusCounts()).toEqual({ pending: 25, sent: 35 });
    // The lease runs out: the 25 are sent again with the same references.
    ctx.clock.advance(LEASE_MS);
    await deliverNotifications(db(), senders, ctx.clock, { batchSize: 25, ...UNHURRIED });
    expect(fake.calls).toBe(25 + 35 + 25);
    expectEachOnce(ids);
    for (const id of ids) expect(fake.countOf(id)).toBe(1);
    expect(await statusCounts()).toEqual({ sent: 60 });
    const retried = await db()
      .selectFrom('notifications')
      .select(db().fn.countAll<number>().as('n'))
      .where('attempts', '=', 2)
      .executeTakeFirstOrThrow();
    expect(Number(retried.n)).toBe(25);
  });

  it('a message that kills the worker every time stops being retried after the maximum attempts', async () => {
    await queueSms(1);
    const crash = new CrashAt(RECORD, 0);
    crash.armed = true;
    for (let i = 0; i < 5; i++) {
      await expect(deliverNotifications(db().withPlugin(crash) as Db, senders, ctx.clock)).rejects.toThrow();
      ctx.clock.advance(LEASE_MS);
    }
    // The 6th claim counts a 6th attempt; a failing send is now final.
    const failing: MessageSenders = {
      ...senders,
      sms: { name: 'down', send: () => Promise.reject(new Error('fournisseur indisponible')) },
    };
    await deliverNotifications(db(), failing, ctx.clock);
    expect(await statusCounts()).toEqual({ failed: 1 });
    expect(fake.messages).toHaveLength(1);
  });

  it('two workers at once never send the same message', async () => {
    const ids = await queueSms(300);
    await Promise.all([
      deliverNotifications(db(), senders, ctx.clock, { batchSize: 50, ...UNHURRIED }),
      deliverNotifications(db(), senders, ctx.clock, { batchSize: 50, ...UNHURRIED }),
    ]);
    expectEachOnce(ids);
    expect(fake.calls).toBe(300);
  });
});
