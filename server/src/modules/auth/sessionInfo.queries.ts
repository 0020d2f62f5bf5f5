import type { SessionInfo } from '@spie/contract/auth';
import type { Membership, OrganisationKind, Role } from '@spie/contract/territories';
import type { Db } from '../../db/database';
import type { Actor } from '../../kernel/actor';

export async function activeMembershipsOf(db: Db, accountId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select([
      'm.id',
      'm.organisation_id',
      'o.name as organisation_name',
      'o.kind',
      'm.territory_id',
      't.name as territory_name',
      'm.role',
    ])
    .where('m.account_id', '=', accountId)
    .where('m.ended_at', 'is', null)
    .where('o.active', '=', true)
    .orderBy('t.name')
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.kind as OrganisationKind,
    territoryId: r.territory_id,
    territoryName: r.territory_name,
    role: r.role as Role,
    active: true,
  }));
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
