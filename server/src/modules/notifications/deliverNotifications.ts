import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Notifications } from '../../db/schema';
import type { Clock } from '../../kernel/clock';
import type { MessageSenders, OutgoingMessage, SendResult } from '../../kernel/messaging';
import { type DomainEvent, retryDelayMs, writeEvents } from '../../kernel/outbox';

export const MAX_SEND_ATTEMPTS = 5;
/** How long a claimed batch is ours: past it, another worker (or this one restarted) takes it again. */
export const LEASE_MS = 120_000;

export interface DeliveryOptions {
  /** Rows claimed at once (one claim, one outcome UPDATE per batch). */
  batchSize?: number;
  /** Messages in flight at once towards the providers. */
  concurrency?: number;
  /** Batches per call: a worker pass sends at most batchSize × maxBatches messages. */
  maxBatches?: number;
  /** No new batch is claimed after this long, so one pass does not hold the other jobs back. */
  timeBudgetMs?: number;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  undeliverable: number;
}

type Row = Selectable<Notifications>;
type Channel = OutgoingMessage['channel'];

interface Outcome {
  row: Row;
  status: 'sent' | 'pending' | 'failed';
  providerId: string | null;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  delivery: 'delivered' | 'invalid_recipient' | null;
}

/**
 * Sends due notifications through the channel's port, in batches:
 * 1. claim up to `batchSize` due rows with a lease (`for update skip locked`: two workers never
 *    take the same row; `attempts` counts the claim, so a message that crashes the process is
 *    not retried forever);
 * 2. send them, `concurrency` at a time, no transaction open meanwhile; each message carries its
 *    notification id as reference (the provider's idempotency key);
 * 3. record every outcome of the batch in one UPDATE, with the `NotificationUndeliverable` events
 *    of invalid recipients, in one transaction.
 * A process killed between batches leaves nothing half done. Killed during 2 or before 3, the
 * batch's lease runs out and the rows are sent again with the same references: the provider
 * answers the first send instead of sending twice.
 */
export async function deliverNotifications(
  db: Db,
  senders: MessageSenders,
  clock: Clock,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  // 100 at 16 in flight: even with every send timing out (10 s), a batch ends well within its lease.
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 16;
  const maxBatches = options.maxBatches ?? 50;
  const timeBudgetMs = options.timeBudgetMs ?? 5_000;
  const started = performance.now();
  const total: DeliveryResult = { sent: 0, failed: 0, undeliverable: 0 };
  for (let batch = 0; batch < maxBatches && performance.now() - started < timeBudgetMs; batch++) {
    const claimed = await claim(db, clock.now(), batchSize);
    if (claimed.length === 0) break;
    const outcomes = await mapConcurrently(claimed, concurrency, (row) => sendOne(senders, clock, row));
    await record(db, outcomes, clock.now());
    for (const o of outcomes) {
      if (o.delivery === 'invalid_recipient') total.undeliverable++;
      else if (o.status === 'sent') total.sent++;
      else total.failed++;
    }
    if (claimed.length < batchSize) break;
  }
  return total;
}

async function claim(db: Db, now: Date, limit: number): Promise<Row[]> {
  return sql<Row>`
    update notifications set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    where (territory_id, id) in (
      select territory_id, id from notifications
      where status = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning *`
    .execute(db)
    .then((r) => r.rows);
}

async function sendOne(senders: MessageSenders, clock: Clock, n: Row): Promise<Outcome> {
  // `attempts` was counted by the claim; the retry delay starts from the claim's time.
  const claimedAt = new Date(n.next_attempt_at.getTime() - LEASE_MS);
  try {
    const sender = senders[n.channel as Channel];
    if (!sender) throw new Error(`canal inconnu : ${n.channel}`);
    const result: SendResult = await sender.send({
      channel: n.channel as Channel,
      to: n.recipient,
      subject: n.subject,
      body: n.body,
      reference: n.id,
    });
    const now = clock.now();
    if (result.delivery === 'invalid_recipient') {
      return {
        row: n,
        status: 'failed',
        providerId: result.providerId,
        lastError: 'Destinataire invalide (numéro ou adresse inexistant)',
        nextAttemptAt: claimedAt,
        sentAt: null,
        delivery: 'invalid_recipient',
      };
    }
    return {
      row: n,
      status: 'sent',
      providerId: result.providerId,
      lastError: null,
      nextAttemptAt: claimedAt,
      sentAt: now,
      delivery: result.delivery === 'delivered' ? 'delivered' : null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : 'erreur inconnue';
    return {
      row: n,
      status: n.attempts >= MAX_SEND_ATTEMPTS ? 'failed' : 'pending',
      providerId: null,
      lastError: message,
      nextAttemptAt: new Date(claimedAt.getTime() + retryDelayMs(n.attempts)),
      sentAt: null,
      delivery: null,
    };
  }
}

/** One UPDATE for the whole batch (arrays unnested side by side), and the events, in one transaction. */
async function record(db: Db, outcomes: Outcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const col = <T>(f: (o: Outcome) => T) => outcomes.map(f);
  const events: DomainEvent[] = outcomes
    .filter((o) => o.delivery === 'invalid_recipient')
    .map((o) => undeliverableEvent(o.row));
  await db.transaction().execute(async (trx) => {
    await sql`
      update notifications n set
        status = v.status,
        provider_id = v.provider_id,
        last_error = v.last_error,
        next_attempt_at = v.next_attempt_at,
        sent_at = v.sent_at,
        delivery = coalesce(v.delivery, n.delivery),
        delivered_at = case when v.delivery is not null then ${now} else n.delivered_at end
      from unnest(
        ${col((o) => o.row.territory_id)}::uuid[],
        ${col((o) => o.row.id)}::uuid[],
        ${col((o) => o.status)}::text[],
        ${col((o) => o.providerId)}::text[],
        ${col((o) => o.lastError)}::text[],
        ${col((o) => iso(o.nextAttemptAt))}::timestamptz[],
        ${col((o) => iso(o.sentAt))}::timestamptz[],
        ${col((o) => o.delivery)}::text[]
      ) as v(territory_id, id, status, provider_id, last_error, next_attempt_at, sent_at, delivery)
      where n.territory_id = v.territory_id and n.id = v.id`.execute(trx);
    await writeEvents(trx, events, now);
  });
}

/**
 * The number or address does not exist. Subscribers flag the person's contact data « à vérifier »
 * and, for a campaign, mark the person unreachable. Ids only.
 */
export function undeliverableEvent(n: {
  territory_id: string;
  id: string;
  person_id: string | null;
  channel: string;
  related_kind: string | null;
  related_id: string | null;
}): DomainEvent {
  return {
    type: 'NotificationUndeliverable',
    territoryId: n.territory_id,
    payload: {
      personId: n.person_id,
      notificationId: n.id,
      channel: n.channel,
      relatedKind: n.related_kind,
      relatedId: n.related_id,
      ...(n.person_id && (n.channel === 'sms' || n.channel === 'email')
        ? {
            actorAccountId: null,
            organisationId: null,
            timeline: { section: 'identity', summary: UNDELIVERABLE_SUMMARY[n.channel] },
          }
        : {}),
    },
  };
}

const UNDELIVERABLE_SUMMARY = {
  sms: 'Un SMS n’a pas pu être remis : le numéro de portable est à vérifier.',
  email: 'Un courriel n’a pas pu être remis : l’adresse électronique est à vérifier.',
};

/** Runs `fn` over `items` with at most `limit` calls in flight; results in the items' order. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
