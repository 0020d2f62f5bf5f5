import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../kernel/audit';
import { createSession, type SessionPolicy } from './session.store';
import { activeMembershipsOf } from './sessionInfo.queries';

/**
 * The end of every login, whatever proved the identity (demo list today, ProConnect OIDC
 * tomorrow): the account gets a session, its only membership is activated (several: the person
 * chooses), and the connection is audited.
 */
export async function openSession(
  trx: Transaction<DB>,
  accountId: string,
  method: string,
  meta: { now: Date; requestId: string | null; policy: SessionPolicy },
) {
  const memberships = await activeMembershipsOf(trx, accountId);
  const only = memberships.length === 1 ? (memberships[0]?.id ?? null) : null;
  const session = await createSession(trx, accountId, only, method, meta.now, meta.policy);
  await appendAudit(
    trx,
    { kind: 'account', accountId, sessionIdHash: session.idHash },
    { action: 'auth.login', subjectType: 'account', subjectId: accountId, details: { method } },
    { at: meta.now, requestId: meta.requestId },
  );
  return session;
}
