import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Notifications } from '../../db/schema';
import type { Clock } from '../../kernel/clock';
import type { MessageSenders } from '../../kernel/messaging';
import { retryDelayMs } from '../../kernel/outbox';

export const MAX_SEND_ATTEMPTS = 5;
const LEASE_MS = 120_000;

/**
 * Sends due notifications through the channel's port. Rows are claimed with a lease first, so
 * two workers never send the same message, and no transaction stays open during the send.
 */
export async function deliverNotifications(
  db: Db,
  senders: MessageSenders,
  clock: Clock,
  limit = 100,
): Promise<{ sent: number; failed: number }> {
  const now = clock.now();
  const claimed = await sql<Selectable<Notifications>>`
    update notifications set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
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
  let sent = 0;
  let failed = 0;
  for (const n of claimed) {
    const attempts = n.attempts + 1;
    try {
      const { providerId } = await senders[n.channel as 'email' | 'sms' | 'letter'].send({
        channel: n.channel as 'email' | 'sms' | 'letter',
        to: n.recipient,
        subject: n.subject,
        body: n.body,
      });
      await db
        .updateTable('notifications')
        .set({ status: 'sent', attempts, sent_at: clock.now(), provider_id: providerId, last_error: null })
        .where('territory_id', '=', n.territory_id)
        .where('id', '=', n.id)
        .execute();
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message.slice(0, 300) : 'erreur inconnue';
      await db
        .updateTable('notifications')
        .set({
          status: attempts >= MAX_SEND_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          last_error: message,
          next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
        })
        .where('territory_id', '=', n.territory_id)
        .where('id', '=', n.id)
        .execute();
    }
  }
  return { sent, failed };
}
