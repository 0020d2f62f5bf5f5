import { peopleRoutes } from '@spie/contract/people';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';
import { actorLabel, notifyAccounts, openFollowUp, teamLeads, teamMemberById } from './team.queries';

const r = peopleRoutes.requestToJoin;
const input = r.params.extend(r.body.shape);

/** Roles that accompany people and so may ask to join a team from the directory. */
const MAY_REQUEST = new Set(['professional', 'social_worker', 'structure_manager']);

/**
 * From the directory, a professional asks to join the team of a person followed elsewhere: a
 * `requested` follow-up (as intervenant) that a team member who manages the team accepts or not.
 */
export const requestToJoin = defineUseCase({
  name: 'people.requestToJoin',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    // 404 when the person is not of the actor's territory.
    await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return MAY_REQUEST.has(ctx.actor.role);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const open = await openFollowUp(ctx.trx, t, input.id, ctx.actor.organisationId, ctx.actor.accountId);
    if (open.some((f) => f.status === 'active'))
      throw conflict('team.already_member', 'Vous faites déjà partie de l’équipe de cette personne.');
    if (open.length > 0)
      throw conflict(
        'team.already_pending',
        'Une demande ou une invitation vous concernant est déjà en attente.',
      );
    const { id } = await ctx.trx
      .insertInto('follow_ups')
      .values({
        territory_id: t,
        person_id: input.id,
        organisation_id: ctx.actor.organisationId,
        account_id: ctx.actor.accountId,
        role: 'intervenant',
        status: 'requested',
        reason: input.reason,
        created_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const requester = await actorLabel(ctx);
    ctx.emit(
      personEvent(
        ctx,
        'TeamJoinRequested',
        input.id,
        { section: 'journey', summary: `${requester} demande à rejoindre l’équipe` },
        { followUpId: id },
      ),
    );
    await notifyAccounts(
      ctx,
      input.id,
      await teamLeads(ctx.trx, t, input.id),
      "Demande pour rejoindre l'équipe d'accompagnement",
      [
        `${requester} demande à rejoindre l’équipe d’accompagnement d’une personne accompagnée que vous suivez.`,
        'Vous pouvez accepter ou refuser la demande depuis SPIE.',
      ],
    );
    return teamMemberById(ctx.trx, t, id);
  },
  auditSubject: (input, output) => ({
    subjectType: 'follow_up',
    subjectId: output.followUpId,
    personId: input.id,
    section: 'journey',
  }),
});
