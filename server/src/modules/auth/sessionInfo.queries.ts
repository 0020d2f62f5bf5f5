import type { SessionInfo } from '@spie/contract/auth';
import type { Membership } from '@spie/contract/territories';
import type { Db } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { currentMemberships } from '../territories';

/** The memberships one can act through now (active organisations only). */
export async function activeMembershipsOf(db: Db, accountId: string): Promise<Membership[]> {
  const byAccount = await currentMemberships(db, [accountId], { activeOrganisationsOnly: true });
  return byAccount.get(accountId) ?? [];
}

export async function sessionInfoFor(
  db: Db,
  actor: Actor,
  opts: { demo: boolean; idleMinutes: number },
): Promise<SessionInfo> {
  const base = { demoMode: opts.demo, idleTimeoutMinutes: opts.idleMinutes };
  if (actor.kind !== 'account' && actor.kind !== 'member') {
    return {
      ...base,
      authenticated: false,
      account: null,
      memberships: [],
      activeMembership: null,
      expiresAt: null,
    };
  }
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'first_name', 'last_name'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  const session = actor.sessionIdHash
    ? await db
        .selectFrom('sessions')
        .select('expires_at')
        .where('id_hash', '=', actor.sessionIdHash)
        .executeTakeFirst()
    : undefined;
  const memberships = await activeMembershipsOf(db, actor.accountId);
  const active =
    actor.kind === 'member' ? (memberships.find((m) => m.id === actor.membershipId) ?? null) : null;
  return {
    ...base,
    authenticated: true,
    account: {
      id: account.id,
      email: account.email,
      firstName: account.first_name,
      lastName: account.last_name,
    },
    memberships,
    activeMembership: active,
    expiresAt: session?.expires_at.toISOString() ?? null,
  };
}
