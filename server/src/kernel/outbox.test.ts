import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/testContext';
import { ManualClock } from './clock';
import {
  type DomainEvent,
  deliverOutbox,
  EventBus,
  MAX_EVENT_ATTEMPTS,
  retryDelayMs,
  type StoredEvent,
  writeEvents,
} from './outbox';

let ctx: TestContext;
const logger = pino({ level: 'silent' });
const db = () => ctx.deps.database.db;
const T0 = new Date('2026-11-02T09:00:00.000Z');
let clock: ManualClock;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await db().deleteFrom('outbox_events').execute();
  clock = new ManualClock(T0);
});

async function emit(...events: DomainEvent[]) {
  await db()
    .transaction()
    .execute((trx) => writeEvents(trx, events, clock.now()));
}

const outboxRow = () => db().selectFrom('outbox_events').selectAll().executeTakeFirstOrThrow();

describe('deliverOutbox', () => {
  it('delivers an event once to each of its subscribers', async () => {
    const bus = new EventBus();
    const seenA: StoredEvent[] = [];
    const seenB: StoredEvent[] = [];
    const seenOther: StoredEvent[] = [];
    bus.subscribe('ThingHappened', 'a', async (e) => {
      seenA.push(e);
    });
    bus.subscribe('ThingHappened', 'b', async (e) => {
      seenB.push(e);
    });
    bus.subscribe('OtherThing', 'c', async (e) => {
      seenOther.push(e);
    });
    await emit({ type: 'ThingHappened', territoryId: null, payload: { thingId: 'x1', count: 3 } });

    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(1);
    clock.advance(60 * 60_000);
    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(0);

    expect(seenA).toHaveLength(1);
    expect(seenB).toHaveLength(1);
    expect(seenOther).toHaveLength(0);
    expect(seenA[0]).toMatchObject({
      type: 'ThingHappened',
      territoryId: null,
      payload: { thingId: 'x1', count: 3 },
    });
    expect(seenA[0]?.occurredAt.toISOString()).toBe(T0.toISOString());
    const row = await outboxRow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
    expect([...row.delivered_to].sort()).toEqual(['a', 'b']);
    expect(row.delivered_at?.toISOString()).toBe(T0.toISOString());
  });

  it('an event without subscribers is marked delivered', async () => {
    await emit({ type: 'NobodyListens', territoryId: null, payload: {} });
    expect(await deliverOutbox(db(), new EventBus(), clock, logger)).toBe(1);
    expect(await outboxRow()).toMatchObject({ status: 'delivered', attempts: 1, delivered_to: [] });
  });

  it('retries a failing subscriber with backoff, never re-running a sibling that succeeded, then gives up', async () => {
    const bus = new EventBus();
    let okRuns = 0;
    let failRuns = 0;
    bus.subscribe('ThingHappened', 'ok', async () => {
      okRuns++;
    });
    bus.subscribe('ThingHappened', 'flaky', async () => {
      failRuns++;
      throw new Error(`provider down (${failRuns})`);
    });
    await emit({ type: 'ThingHappened', territoryId: null, payload: {} });

    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(1);
    let row = await outboxRow();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      delivered_to: ['ok'],
      last_error: 'flaky: provider down (1)',
      delivered_at: null,
    });
    expect(row.available_at.getTime() - clock.now().getTime()).toBe(retryDelayMs(1));
    expect(retryDelayMs(1)).toBe(2000);

    // not due yet
    clock.advance(retryDelayMs(1) - 1);
    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(0);
    clock.advance(1);
    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(1);
    row = await outboxRow();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 2,
      delivered_to: ['ok'],
      last_error: 'flaky: provider down (2)',
    });
    expect(row.available_at.getTime() - clock.now().getTime()).toBe(4000);

    const delays = [2000, 4000];
    for (let attempt = 3; attempt <= MAX_EVENT_ATTEMPTS; attempt++) {
      const before = (await outboxRow()).available_at;
      clock.set(before);
      expect(await deliverOutbox(db(), bus, clock, logger)).toBe(1);
      const after = await outboxRow();
      expect(after.attempts).toBe(attempt);
      if (attempt < MAX_EVENT_ATTEMPTS) delays.push(after.available_at.getTime() - before.getTime());
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000]);
    row = await outboxRow();
    expect(row).toMatchObject({
      status: 'failed',
      attempts: MAX_EVENT_ATTEMPTS,
      delivered_to: ['ok'],
      last_error: `flaky: provider down (${MAX_EVENT_ATTEMPTS})`,
    });
    expect(okRuns).toBe(1);
    expect(failRuns).toBe(MAX_EVENT_ATTEMPTS);

    // a failed event is left alone
    clock.advance(24 * 3600_000);
    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(0);
    expect(failRuns).toBe(MAX_EVENT_ATTEMPTS);
  });

  it('a subscriber that recovers completes the event', async () => {
    const bus = new EventBus();
    let calls = 0;
    bus.subscribe('ThingHappened', 'recovering', async () => {
      calls++;
      if (calls === 1) throw new Error('first time fails');
    });
    await emit({ type: 'ThingHappened', territoryId: null, payload: {} });
    await deliverOutbox(db(), bus, clock, logger);
    clock.advance(retryDelayMs(1));
    await deliverOutbox(db(), bus, clock, logger);
    expect(await outboxRow()).toMatchObject({
      status: 'delivered',
      attempts: 2,
      delivered_to: ['recovering'],
      last_error: null,
    });
    expect(calls).toBe(2);
  });

  it('a claimed event is leased: a second worker does not take it while the first runs', async () => {
    const bus = new EventBus();
    let calls = 0;
    let inner = -1;
    bus.subscribe('ThingHappened', 'slow', async () => {
      calls++;
      // while this subscriber runs, another worker pass finds nothing due
      inner = await deliverOutbox(db(), bus, clock, logger);
    });
    await emit({ type: 'ThingHappened', territoryId: null, payload: {} });
    expect(await deliverOutbox(db(), bus, clock, logger)).toBe(1);
    expect(inner).toBe(0);
    expect(calls).toBe(1);
  });

  it('takes the earliest due events first and respects the batch limit', async () => {
    const bus = new EventBus();
    const order: unknown[] = [];
    bus.subscribe('Numbered', 'collect', async (e) => {
      order.push(e.payload.n);
    });
    for (let n = 1; n <= 5; n++) {
      await emit({ type: 'Numbered', territoryId: null, payload: { n } });
      clock.advance(1000);
    }
    // The batch is the three earliest; within a batch, PostgreSQL's UPDATE … RETURNING does not
    // promise an order, so subscribers must not rely on one.
    expect(await deliverOutbox(db(), bus, clock, logger, 3)).toBe(3);
    expect([...order].sort()).toEqual([1, 2, 3]);
    expect(await deliverOutbox(db(), bus, clock, logger, 3)).toBe(2);
    expect(order.slice(3).sort()).toEqual([4, 5]);
  });

  it('refuses two subscribers with the same name on one event type', () => {
    const bus = new EventBus();
    bus.subscribe('ThingHappened', 'x', async () => {});
    expect(() => bus.subscribe('ThingHappened', 'x', async () => {})).toThrow(
      'Subscriber x already registered for ThingHappened',
    );
  });
});
