import type { Role } from '@spie/contract/territories';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { DomainError, fieldError, notFound } from '../../kernel/errors';
import { findAccount } from './territories.queries';

export const accountNotFound = () =>
  notFound('account.not_found', 'Compte introuvable dans votre territoire.');

export async function requireVisibleAccount(db: Db, actor: MemberActor, id: string) {
  const account = await findAccount(db, actor, id);
  if (!account) throw accountNotFound();
  return account;
}

export async function assertEmailFree(db: Db, email: string, selfId: string | null) {
  let q = db.selectFrom('accounts').select('id').where('email', '=', email);
  if (selfId) q = q.where('id', '<>', selfId);
  if (await q.executeTakeFirst()) {
    throw new DomainError(
      'conflict',
      'account.email_taken',
      'Un compte existe déjà avec cette adresse électronique.',
      [{ path: 'email', message: 'Un compte existe déjà avec cette adresse électronique.' }],
    );
  }
}

/** A membership can only be given in an active organisation of the admin's own territory. */
export async function insertMembership(
  db: Db,
  actor: MemberActor,
  accountId: string,
  organisationId: string,
  role: Role,
  now: Date,
) {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'active'])
    .where('territory_id', '=', actor.territoryId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org?.active)
    throw fieldError(
      'membership.organisation_unknown',
      'organisationId',
      'Structure introuvable ou désactivée dans votre territoire.',
    );
  const existing = await db
    .selectFrom('memberships')
    .select('id')
    .where('account_id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (existing)
    throw new DomainError('conflict', 'membership.exists', 'Ce compte a déjà ce rôle dans cette structure.');
  const { id } = await db
    .insertInto('memberships')
    .values({
      territory_id: actor.territoryId,
      account_id: accountId,
      organisation_id: organisationId,
      role,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
