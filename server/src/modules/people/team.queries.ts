import type { FollowUpStatus, TeamMember, TeamRole } from '@spie/contract/people';
import { teamRoleLabels } from '@spie/contract/people';
import type { OrganisationKind } from '@spie/contract/territories';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { notFound } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { queueNotification } from '../notifications';

type Trx = Transaction<DB>;

function teamQuery(trx: Trx, territoryId: string) {
  return trx
    .selectFrom('follow_ups as f')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'f.territory_id').onRef('o.id', '=', 'f.organisation_id'),
    )
    .leftJoin('accounts as a', 'a.id', 'f.account_id')
    .select([
      'f.id',
      'f.person_id',
      'f.organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'f.account_id',
      sql<string | null>`a.first_name || ' ' || a.last_name`.as('professional_name'),
      sql<string | null>`coalesce(a.email, o.email)`.as('work_email'),
      sql<string | null>`coalesce(a.phone, o.phone)`.as('work_phone'),
      'f.role',
      'f.status',
      'f.started_at',
      'f.ended_at',
      'f.reason',
      'f.end_reason',
      'f.created_by_account_id',
    ])
    .where('f.territory_id', '=', territoryId);
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>;

export function toTeamMember(r: TeamRow): TeamMember {
  return {
    followUpId: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind as OrganisationKind,
    accountId: r.account_id,
    professionalName: r.professional_name,
    workEmail: r.work_email,
    workPhone: r.work_phone,
    role: r.role as TeamRole,
    status: r.status as FollowUpStatus,
    startedAt: r.started_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    // Why the follow-up ended (or was declined) once it did, else why it was asked for.
    reason: r.end_reason ?? r.reason,
  };
}

export async function teamMemberById(trx: Trx, territoryId: string, followUpId: string): Promise<TeamMember> {
  const row = await teamQuery(trx, territoryId).where('f.id', '=', followUpId).executeTakeFirst();
  if (!row) throw followUpNotFound();
  return toTeamMember(row);
}

/** Several follow-ups at once (pending lists), by id. */
export async function teamMembersByIds(trx: Trx, territoryId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, TeamMember>();
  const rows = await teamQuery(trx, territoryId).where('f.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toTeamMember(r)]));
}

export const followUpNotFound = () =>
  notFound('follow_up.not_found', 'Suivi introuvable, ou vous ne pouvez pas y répondre.');

/** One follow-up row of the actor's territory. */
export async function loadFollowUp(trx: Trx, territoryId: string, followUpId: string) {
  return trx
    .selectFrom('follow_ups')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', followUpId)
    .executeTakeFirst();
}

/** Roles that may be part of a person's team (steering viewers and admins see no record content). */
const TEAM_CAPABLE_ROLES = ['professional', 'social_worker', 'structure_manager', 'orientation_manager'];

/** The account's active membership in the organisation, if it may join a team. */
export async function teamCapableAccount(
  trx: Trx,
  territoryId: string,
  accountId: string,
  organisationId: string,
) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select(['a.id', 'a.email', 'a.first_name', 'a.last_name', 'o.name as organisation_name', 'm.role'])
    .where('m.territory_id', '=', territoryId)
    .where('m.account_id', '=', accountId)
    .where('m.organisation_id', '=', organisationId)
    .where('m.ended_at', 'is', null)
    .where('a.active', '=', true)
    .where('o.active', '=', true)
    .where('m.role', 'in', TEAM_CAPABLE_ROLES)
    .orderBy('m.role')
    .executeTakeFirst();
}

/** A current (active) or pending follow-up of this professional in this organisation. */
export async function openFollowUp(
  trx: Trx,
  territoryId: string,
  personId: string,
  organisationId: string,
  accountId: string,
) {
  return trx
    .selectFrom('follow_ups')
    .select(['id', 'status', 'role'])
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId)
    .where('status', 'in', ['active', 'invited', 'requested'])
    .execute();
}

export async function organisationName(trx: Trx, territoryId: string, organisationId: string) {
  const row = await trx
    .selectFrom('organisations')
    .select('name')
    .where('territory_id', '=', territoryId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name ?? null;
}

export const roleLabel = (role: string) => teamRoleLabels[role as TeamRole] ?? role;

/**
 * Emails about a person's team. Never the person's name or any detail of their situation (an
 * email may be read by anyone with access to the mailbox): "une personne accompagnée" and a link.
 */
export async function notifyAccounts(
  ctx: UseCaseContext<MemberActor>,
  personId: string,
  accountIds: (string | null)[],
  subject: string,
  lines: string[],
): Promise<void> {
  await notifyAccountsBy(
    ctx.trx,
    { territoryId: ctx.actor.territoryId, byAccountId: ctx.actor.accountId, now: ctx.now },
    personId,
    accountIds,
    subject,
    lines,
  );
}

/** The same emails from any actor (a system job names no author; the author is never emailed). */
export async function notifyAccountsBy(
  trx: Trx,
  by: { territoryId: string; byAccountId: string | null; now: Date },
  personId: string,
  accountIds: (string | null)[],
  subject: string,
  lines: string[],
): Promise<void> {
  const ids = [...new Set(accountIds.filter((id): id is string => !!id && id !== by.byAccountId))];
  if (ids.length === 0) return;
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'email', 'first_name'])
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  for (const a of accounts) {
    await queueNotification(
      trx,
      {
        territoryId: by.territoryId,
        channel: 'email',
        recipient: a.email,
        recipientAccountId: a.id,
        personId,
        createdByAccountId: by.byAccountId,
        subject,
        body: [
          `Bonjour ${a.first_name},`,
          '',
          ...lines,
          '',
          `Pour voir le dossier et répondre : /personnes/${personId}`,
          '',
          'L’équipe SPIE',
        ].join('\n'),
      },
      by.now,
    );
  }
}

/** Accounts who may answer for the team: active référent and co-référents. */
export async function teamLeads(trx: Trx, territoryId: string, personId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('follow_ups')
    .select('account_id')
    .where('territory_id', '=', territoryId)
    .where('person_id', '=', personId)
    .where('status', '=', 'active')
    .where('role', 'in', ['referent', 'co_referent'])
    .where('account_id', 'is not', null)
    .execute();
  return rows.map((r) => r.account_id).filter((id): id is string => id !== null);
}

/** The actor's name and organisation, for short timeline summaries and emails. */
export async function actorLabel(ctx: UseCaseContext<MemberActor>): Promise<string> {
  const row = await ctx.trx
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', (j) => j.on('o.id', '=', ctx.actor.organisationId))
    .select(['a.first_name', 'a.last_name', 'o.name'])
    .where('a.id', '=', ctx.actor.accountId)
    .executeTakeFirst();
  return row ? `${row.first_name} ${row.last_name} (${row.name})` : 'Un·e professionnel·le';
}
