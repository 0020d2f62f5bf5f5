import { peopleRoutes } from '@spie/contract/people';
import { conflict, fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { mayManageTeam } from './people.access';
import { loadPersonRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';
import {
  actorLabel,
  notifyAccounts,
  openFollowUp,
  roleLabel,
  teamCapableAccount,
  teamMemberById,
} from './team.queries';

const r = peopleRoutes.inviteToTeam;
export const INVITATION_SUBJECT = "Invitation à rejoindre l'équipe d'accompagnement";
const input = r.params.extend(r.body.shape);

/**
 * A team member who may manage the team invites a professional (of another organisation, as a
 * rule): the follow-up stays `invited` until that professional accepts or declines.
 */
export const inviteToTeam = defineUseCase({
  name: 'people.inviteToTeam',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return mayManageTeam(ctx.actor, relation);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    await requireNotMerged(ctx, input.id);
    const invitee = await teamCapableAccount(ctx.trx, t, input.accountId, input.organisationId);
    if (!invitee) {
      throw fieldError(
        'team.invitee_not_member',
        'accountId',
        'Ce ou cette professionnel·le n’a pas de rattachement actif dans cette structure.',
      );
    }
    const open = await openFollowUp(ctx.trx, t, input.id, input.organisationId, input.accountId);
    if (open.some((f) => f.status === 'active'))
      throw conflict('team.already_member', 'Ce ou cette professionnel·le fait déjà partie de l’équipe.');
    if (open.length > 0)
      throw conflict(
        'team.already_pending',
        'Une invitation ou une demande est déjà en attente pour ce ou cette professionnel·le.',
      );
    const { id } = await ctx.trx
      .insertInto('follow_ups')
      .values({
        territory_id: t,
        person_id: input.id,
        organisation_id: input.organisationId,
        account_id: input.accountId,
        role: input.role,
        status: 'invited',
        reason: input.reason,
        created_by_account_id: ctx.actor.accountId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inviter = await actorLabel(ctx);
    ctx.emit(
      personEvent(
        ctx,
        'TeamInvitationSent',
        input.id,
        {
          section: 'journey',
          summary: `Invitation de ${invitee.first_name} ${invitee.last_name} (${invitee.organisation_name}) à rejoindre l’équipe comme ${roleLabel(input.role).toLowerCase()}`,
        },
        { followUpId: id },
      ),
    );
    await notifyAccounts(ctx, input.id, [input.accountId], INVITATION_SUBJECT, [
      `${inviter} vous invite à rejoindre l’équipe d’accompagnement d’une personne accompagnée, comme ${roleLabel(input.role).toLowerCase()}.`,
      'Vous pouvez accepter ou refuser l’invitation depuis SPIE.',
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
