import type { Transaction } from 'kysely';
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
}

/** Notifications are always stored first; the worker sends them and records the outcome. */
export async function queueNotification(
  trx: Transaction<DB>,
  n: NewNotification,
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto('notifications')
    .values({
      territory_id: n.territoryId,
      channel: n.channel,
      recipient: n.recipient,
      recipient_account_id: n.recipientAccountId ?? null,
      person_id: n.personId ?? null,
      created_by_account_id: n.createdByAccountId ?? null,
      subject: n.subject,
      body: n.body,
      created_at: now,
      next_attempt_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
