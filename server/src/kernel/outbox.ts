import { type Selectable, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { DB, OutboxEvents } from '../db/schema';
import type { Clock } from './clock';

/** A domain event, named in the past tense (`OrganisationCreated`). Payloads hold ids, not personal data. */
export interface DomainEvent {
  type: string;
  territoryId: string | null;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends DomainEvent {
  id: string;
  occurredAt: Date;
}

export type Subscriber = (event: StoredEvent) => Promise<void>;

export async function writeEvents(trx: Transaction<DB>, events: DomainEvent[], at: Date): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        territory_id: e.territoryId,
        type: e.type,
        payload: JSON.stringify(e.payload),
        occurred_at: at,
        available_at: at,
      })),
    )
    .execute();
}

/**
 * In-process subscribers by event type. Each subscriber has a name; the outbox row remembers
 * which ones already succeeded, so a retry never runs a successful subscriber twice.
 */
const ALL = '*';

export class EventBus {
  readonly #subscribers = new Map<string, Map<string, Subscriber>>();

  subscribe(type: string, name: string, handler: Subscriber): void {
    const byName = this.#subscribers.get(type) ?? new Map<string, Subscriber>();
    if (byName.has(name)) throw new Error(`Subscriber ${name} already registered for ${type}`);
    byName.set(name, handler);
    this.#subscribers.set(type, byName);
  }

  /** A subscriber to every event type (it ignores the events that do not concern it). */
  subscribeAll(name: string, handler: Subscriber): void {
    this.subscribe(ALL, name, handler);
  }

  subscribersOf(type: string): [string, Subscriber][] {
    return [
      ...(this.#subscribers.get(type) ?? new Map()).entries(),
      ...(this.#subscribers.get(ALL) ?? new Map()).entries(),
    ];
  }
}

export const MAX_EVENT_ATTEMPTS = 8;
const LEASE_MS = 60_000;
type OutboxRow = Selectable<OutboxEvents>;

/** Exponential backoff: 2 s, 4 s, 8 s… capped at 10 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(2 ** attempts * 1000, 10 * 60 * 1000);

/** Delivers up to `limit` due events; returns how many were processed. */
export async function deliverOutbox(
  db: Db,
  bus: EventBus,
  clock: Clock,
  logger: Logger,
  limit = 100,
): Promise<number> {
  const now = clock.now();
  // Claim a batch with a lease: another worker (or this one after a crash) takes the rows
  // again only once the lease has passed. No transaction stays open while subscribers run.
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const due = await sql<OutboxRow>`
    update outbox_events set available_at = ${leaseUntil}
    where id in (
      select id from outbox_events
      where status = 'pending' and available_at <= ${now}
      order by available_at, id
      limit ${limit}
      for update skip locked
    )
    returning *`
    .execute(db)
    // UPDATE … RETURNING does not keep the subquery's order: deliver oldest first.
    .then((r) =>
      r.rows.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || (a.id < b.id ? -1 : 1)),
    );
  for (const row of due) {
    const event: StoredEvent = {
      id: row.id,
      type: row.type,
      territoryId: row.territory_id,
      payload: row.payload as Record<string, unknown>,
      occurredAt: row.occurred_at,
    };
    const done = new Set(row.delivered_to);
    let failure: string | null = null;
    for (const [name, handler] of bus.subscribersOf(row.type)) {
      if (done.has(name)) continue;
      try {
        await handler(event);
        done.add(name);
      } catch (error) {
        failure = `${name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
        logger.warn({ eventId: row.id, eventType: row.type, subscriber: name }, 'event subscriber failed');
      }
    }
    const attempts = row.attempts + 1;
    const status = failure === null ? 'delivered' : attempts >= MAX_EVENT_ATTEMPTS ? 'failed' : 'pending';
    await db
      .updateTable('outbox_events')
      .set({
        status,
        attempts,
        delivered_to: [...done],
        last_error: failure,
        delivered_at: failure === null ? clock.now() : null,
        available_at: failure === null ? now : new Date(now.getTime() + retryDelayMs(attempts)),
      })
      .where('id', '=', row.id)
      .execute();
  }
  return due.length;
}
