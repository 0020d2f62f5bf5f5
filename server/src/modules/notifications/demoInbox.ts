import { pageQuery } from '@spie/contract';
import type { Notification } from '@spie/contract/notifications';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import { notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';

/**
 * Demo mode only: what would have been sent. Territory admins see the territory's messages;
 * others see the messages addressed to them or that they caused.
 */
export const demoInbox = defineUseCase({
  name: 'notifications.demoInbox',
  kind: 'query',
  input: pageQuery,
  authorize: (ctx) => {
    if (!ctx.deps.config.demo)
      throw notFound(
        'notifications.demo_disabled',
        'La boîte de réception de démonstration n’existe qu’en mode démo.',
      );
    return true;
  },
  run: async (ctx, input): Promise<{ items: Notification[]; next: string | null }> => {
    const actor = ctx.actor;
    let q = ctx.trx
      .selectFrom('notifications')
      .selectAll()
      .where('territory_id', '=', actor.territoryId)
      .$if(actor.role !== 'territory_admin', (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('recipient_account_id', '=', actor.accountId),
            eb('created_by_account_id', '=', actor.accountId),
          ]),
        ),
      );
    const cursor = decodeCursor(input.after, 2, (v) => isTimestampValue(v[0]) && isUuidValue(v[1]));
    if (cursor)
      q = q.where(
        sql<boolean>`(created_at, id) < (${new Date(String(cursor[0]))}, ${String(cursor[1])}::uuid)`,
      );
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit + 1)
      .execute();
    const pageRows = rows.slice(0, input.limit);
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((n) => ({
        id: n.id,
        channel: n.channel as Notification['channel'],
        recipient: n.recipient,
        subject: n.subject,
        body: n.body,
        status: n.status as Notification['status'],
        attempts: n.attempts,
        createdAt: n.created_at.toISOString(),
        sentAt: n.sent_at?.toISOString() ?? null,
        lastError: n.last_error,
      })),
      next: rows.length > input.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  },
});
