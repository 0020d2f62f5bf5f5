import type { TeamMember } from '@spie/contract/people';
import type { Actor } from '../../kernel/actor';
import { conflict, fieldError } from '../../kernel/errors';
import type { UseCaseContext } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import { notifyAccountsBy, teamCapableAccount, teamMemberById } from './team.queries';

export interface ReferentDesignation {
  personId: string;
  organisationId: string;
  accountId: string;
  reason: string | null;
}

function territoryOf(actor: Actor): string {
  if (actor.kind === 'member') return actor.territoryId;
  if (actor.kind === 'system' && actor.territoryId) return actor.territoryId;
  throw new Error('a référent is designated within a territory');
}

/**
 * The référent unique designation rules, inside the caller's transaction (the people module's
 * own use case, or an orientation once the person is assigned). Rows are never rewritten: the
 * previous référent's follow-up and the designee's former follow-up end, a new référent row
 * starts (history kept); the designee and the previous référent are informed by email.
 * `byLabel` names who designates in the emails ("Nadia Haddad (ALI…)", "La décision d’orientation").
 */
export async function designateReferentUnique(
  ctx: UseCaseContext,
  input: ReferentDesignation,
  byLabel: string,
): Promise<TeamMember> {
  const t = territoryOf(ctx.actor);
  const byAccountId = ctx.actor.kind === 'member' ? ctx.actor.accountId : null;
  const designee = await teamCapableAccount(ctx.trx, t, input.accountId, input.organisationId);
  if (!designee || designee.role === 'orientation_manager') {
    throw fieldError(
      'team.designee_not_member',
      'accountId',
      'Ce ou cette professionnel·le n’a pas de rattachement actif dans cette structure.',
    );
  }
  const current = await ctx.trx
    .selectFrom('follow_ups')
    .select(['id', 'account_id', 'organisation_id'])
    .where('territory_id', '=', t)
    .where('person_id', '=', input.personId)
    .where('role', '=', 'referent')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (current && current.account_id === input.accountId && current.organisation_id === input.organisationId)
    throw conflict('team.already_referent', 'Cette personne a déjà ce ou cette référent·e unique.');
  if (current) {
    await ctx.trx
      .updateTable('follow_ups')
      .set({ status: 'ended', ended_at: ctx.now, end_reason: input.reason })
      .where('territory_id', '=', t)
      .where('id', '=', current.id)
      .execute();
  }
  // The designee's own follow-up (or pending invitation/request) gives way to the new row.
  await ctx.trx
    .updateTable('follow_ups')
    .set({ status: 'ended', ended_at: ctx.now, end_reason: 'Désigné·e référent·e unique' })
    .where('territory_id', '=', t)
    .where('person_id', '=', input.personId)
    .where('organisation_id', '=', input.organisationId)
    .where('account_id', '=', input.accountId)
    .where('status', 'in', ['active', 'invited', 'requested'])
    .execute();
  const { id } = await ctx.trx
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: input.personId,
      organisation_id: input.organisationId,
      account_id: input.accountId,
      role: 'referent',
      status: 'active',
      reason: input.reason,
      created_by_account_id: byAccountId,
      answered_by_account_id: byAccountId,
      created_at: ctx.now,
      started_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.emit(
    personEvent(
      ctx,
      'ReferentDesignated',
      input.personId,
      {
        section: 'journey',
        summary: `${designee.first_name} ${designee.last_name} (${designee.organisation_name}) désigné·e référent·e unique`,
      },
      { followUpId: id, previousFollowUpId: current?.id ?? null },
    ),
  );
  const by = { territoryId: t, byAccountId, now: ctx.now };
  await notifyAccountsBy(
    ctx.trx,
    by,
    input.personId,
    [input.accountId],
    'Désignation comme référent·e unique',
    [`${byLabel} vous a désigné·e référent·e unique d’une personne accompagnée.`],
  );
  await notifyAccountsBy(
    ctx.trx,
    by,
    input.personId,
    [current?.account_id ?? null],
    'Changement de référent·e unique',
    [
      `${byLabel} a désigné un·e nouveau·elle référent·e unique pour une personne accompagnée que vous suiviez.`,
    ],
  );
  return teamMemberById(ctx.trx, t, id);
}
