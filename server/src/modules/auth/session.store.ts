import type { OrganisationKind, Role } from '@spie/contract/territories';
import type { Db } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { randomToken, sha256 } from '../../kernel/crypto';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Only a hash of the token is stored: a database dump cannot be replayed as sessions. */
export async function createSession(
  db: Db,
  accountId: string,
  membershipId: string | null,
  method: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ token: string; idHash: string; expiresAt: Date }> {
  const token = randomToken();
  const idHash = sha256(token);
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      account_id: accountId,
      active_membership_id: membershipId,
      login_method: method,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, idHash, expiresAt };
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session token into the acting identity; expired, idle or revoked sessions, inactive
 * accounts and ended memberships resolve to anonymous or account-only.
 */
export async function resolveSession(
  db: Db,
  token: string | null,
  now: Date,
  policy: SessionPolicy,
): Promise<Actor> {
  if (!token || token.length > 100) return { kind: 'anonymous' };
  const idHash = sha256(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.id', '=', 's.active_membership_id').on('m.ended_at', 'is', null),
    )
    .leftJoin('organisations as o', (j) =>
      j
        .onRef('o.territory_id', '=', 'm.territory_id')
        .onRef('o.id', '=', 'm.organisation_id')
        .on('o.active', '=', true),
    )
    .select([
      's.account_id',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'a.active as account_active',
      'm.id as membership_id',
      'm.role',
      'm.territory_id',
      'o.id as organisation_id',
      'o.kind as organisation_kind',
      'o.sensitive as organisation_sensitive',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.revoked_at || !row.account_active) return { kind: 'anonymous' };
  if (row.expires_at <= now) return { kind: 'anonymous' };
  if (now.getTime() - row.last_seen_at.getTime() > policy.idleMinutes * 60_000) return { kind: 'anonymous' };
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  if (row.membership_id && row.organisation_id && row.role && row.territory_id && row.organisation_kind) {
    return {
      kind: 'member',
      accountId: row.account_id,
      sessionIdHash: idHash,
      membershipId: row.membership_id,
      role: row.role as Role,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind as OrganisationKind,
      organisationSensitive: row.organisation_sensitive ?? false,
      territoryId: row.territory_id,
    };
  }
  return { kind: 'account', accountId: row.account_id, sessionIdHash: idHash };
}
