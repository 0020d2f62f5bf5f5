import { peopleRoutes } from '@spie/contract/people';
import { conflict, fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';
import { actorLabel, notifyAccounts, teamCapableAccount, teamMemberById } from './team.queries';

const r = peopleRoutes.designateReferent;
const input = r.params.extend(r.body.shape);

/**
 * The structure manager of the organisation (which follows the person) or the current référent
 * designates the référent unique. Rows are never rewritten: the previous référent's follow-up
 * and the designee's former follow-up end, and a new référent row starts (history kept).
 */
export const designateReferent = defineUseCase({
  name: 'people.designateReferent',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    if (relation.teamRole === 'referent') return true;
    return (
      ctx.actor.role === 'structure_manager' &&
      ctx.actor.organisationId === input.organisationId &&
      relation.organisationFollows
    );
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
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
      .where('person_id', '=', input.id)
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
      .where('person_id', '=', input.id)
      .where('organisation_id', '=', input.organisationId)
      .where('account_id', '=', input.accountId)
      .where('status', 'in', ['active', 'invited', 'requested'])
      .execute();
    const { id } = await ctx.trx
      .insertInto('follow_ups')
      .values({
        territory_id: t,
        person_id: input.id,
        organisation_id: input.organisationId,
        account_id: input.accountId,
        role: 'referent',
        status: 'active',
        reason: input.reason,
        created_by_account_id: ctx.actor.accountId,
        answered_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
        started_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.emit(
      personEvent(
        ctx,
        'ReferentDesignated',
        input.id,
        {
          section: 'journey',
          summary: `${designee.first_name} ${designee.last_name} (${designee.organisation_name}) désigné·e référent·e unique`,
        },
        { followUpId: id, previousFollowUpId: current?.id ?? null },
      ),
    );
    const by = await actorLabel(ctx);
    await notifyAccounts(ctx, input.id, [input.accountId], 'Désignation comme référent·e unique', [
      `${by} vous a désigné·e référent·e unique d’une personne accompagnée.`,
    ]);
    await notifyAccounts(ctx, input.id, [current?.account_id ?? null], 'Changement de référent·e unique', [
      `${by} a désigné un·e nouveau·elle référent·e unique pour une personne accompagnée que vous suiviez.`,
    ]);
    return teamMemberById(ctx.trx, t, id);
  },
  auditSubject: (input, output) => ({
    subjectType: 'follow_up',
    subjectId: output.followUpId,
    personId: input.id,
    section: 'journey',
  }),
});
