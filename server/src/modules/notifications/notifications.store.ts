import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export interface NewNotification {
  territoryId: string;
  channel: 'email' | 'sms' | 'letter';
  recipient: string;
  recipientAccountId?: string | null;
  personId?: string | null;
  createdByAccountId?: string | null;
  subject: string;
  body: string;
  /** What the message is about (its delivery report updates it): an appointment, a campaign recipient. */
  relatedKind?: 'appointment' | 'campaign_recipient' | null;
  relatedId?: string | null;
  /** Chosen by the caller when it must know the id before inserting (batched launches). */
  id?: string;
  /** Not before this time (default: now). */
  notBefore?: Date;
}

const row = (n: NewNotification, now: Date) => ({
  ...(n.id ? { id: n.id } : {}),
  territory_id: n.territoryId,
  channel: n.channel,
  recipient: n.recipient,
  recipient_account_id: n.recipientAccountId ?? null,
  person_id: n.personId ?? null,
  created_by_account_id: n.createdByAccountId ?? null,
  subject: n.subject,
  body: n.body,
  related_kind: n.relatedKind ?? null,
  related_id: n.relatedId ?? null,
  created_at: now,
  next_attempt_at: n.notBefore ?? now,
});

/** Notifications are always stored first; the worker sends them and records the outcome. */
export async function queueNotification(
  trx: Transaction<DB>,
  n: NewNotification,
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto('notifications')
    .values(row(n, now))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Many at once (campaigns): multi-row inserts of at most 1,000 rows; ids in the input's order. */
export async function queueNotifications(
  trx: Transaction<DB>,
  items: NewNotification[],
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    // Ids are chosen here so that the order of the answer does not matter.
    const withIds = chunk.map((n) => ({ ...n, id: n.id ?? randomUUID() }));
    await trx
      .insertInto('notifications')
      .values(withIds.map((n) => row(n, now)))
      .execute();
    ids.push(...withIds.map((n) => n.id));
  }
  return ids;
}

export interface DeliveryReport {
  providerId: string;
  status: 'delivered' | 'failed' | 'invalid_recipient';
  at: Date;
}

export interface ReportedNotification {
  territoryId: string;
  id: string;
  personId: string | null;
  channel: string;
  recipient: string;
  relatedKind: string | null;
  relatedId: string | null;
  delivery: DeliveryReport['status'];
  /** This report changed the notification (a repeated report changes nothing). */
  changed: boolean;
}

/**
 * Applies provider delivery reports to the notifications they quote (by provider id), in one
 * statement. Returns the notifications found, with whether each changed: the caller emits
 * `NotificationUndeliverable` for those newly found invalid. A `delivered` report never
 * overwrites an earlier `invalid_recipient`.
 */
export async function applyDeliveryReports(
  trx: Transaction<DB>,
  reports: DeliveryReport[],
): Promise<ReportedNotification[]> {
  if (reports.length === 0) return [];
  const rows = await sql<{
    territory_id: string;
    id: string;
    person_id: string | null;
    channel: string;
    recipient: string;
    related_kind: string | null;
    related_id: string | null;
    delivery: string;
    previous: string | null;
  }>`
    with r as (
      select distinct on (provider_id) provider_id, status, at
      from unnest(${reports.map((r) => r.providerId)}::text[], ${reports.map((r) => r.status)}::text[],
                  ${reports.map((r) => r.at.toISOString())}::timestamptz[]) as x(provider_id, status, at)
      order by provider_id, at desc
    ),
    target as (
      select n.territory_id, n.id, n.delivery as previous, r.status, r.at
      from notifications n join r on r.provider_id = n.provider_id
      for update of n
    )
    update notifications n set
      delivery = case when t.previous = 'invalid_recipient' then t.previous else t.status end,
      delivered_at = t.at
    from target t
    where n.territory_id = t.territory_id and n.id = t.id
    returning n.territory_id, n.id, n.person_id, n.channel, n.recipient, n.related_kind, n.related_id,
              n.delivery, t.previous`.execute(trx);
  return rows.rows.map((r) => ({
    territoryId: r.territory_id,
    id: r.id,
    personId: r.person_id,
    channel: r.channel,
    recipient: r.recipient,
    relatedKind: r.related_kind,
    relatedId: r.related_id,
    delivery: r.delivery as DeliveryReport['status'],
    changed: r.delivery !== r.previous,
  }));
}
