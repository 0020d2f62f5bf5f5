import { peopleRoutes } from '@spie/contract/people';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { mayManageTeam } from './people.access';
import { loadRelation } from './people.relation';
import { personEvent } from './people.timeline';
import { requireNotMerged } from './sectionGuard';
import {
  actorLabel,
  followUpNotFound,
  loadFollowUp,
  notifyAccounts,
  roleLabel,
  teamMemberById,
} from './team.queries';

const r = peopleRoutes.answerFollowUp;
const input = r.params.extend(r.body.shape);

/**
 * Invitations are answered by the invitee (that account, acting for that organisation); join
 * requests by a team member who manages the team.
 */
export const answerFollowUp = defineUseCase({
  name: 'people.answerFollowUp',
  kind: 'command',
  // Audited in run: the follow-up id alone would not tell whose record it is.
  audit: 'manual',
  input,
  authorize: async (ctx, input) => {
    const f = await loadFollowUp(ctx.trx, ctx.actor.territoryId, input.id);
    if (!f) throw followUpNotFound();
    if (f.status === 'invited')
      return f.account_id === ctx.actor.accountId && f.organisation_id === ctx.actor.organisationId;
    const relation = await loadRelation(ctx.trx, ctx.actor, f.person_id);
    if (f.status === 'requested') return mayManageTeam(ctx.actor, relation);
    // Not pending any more: only those who could have answered learn it.
    return (
      (f.account_id === ctx.actor.accountId && f.organisation_id === ctx.actor.organisationId) ||
      mayManageTeam(ctx.actor, relation)
    );
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const f = await loadFollowUp(ctx.trx, t, input.id);
    if (!f) throw followUpNotFound();
    if (f.status !== 'invited' && f.status !== 'requested')
      throw conflict('follow_up.not_pending', 'Cette invitation ou cette demande a déjà reçu une réponse.');
    await requireNotMerged(ctx, f.person_id);
    const invitation = f.status === 'invited';
    await ctx.trx
      .updateTable('follow_ups')
      .set(
        input.accept
          ? { status: 'active', started_at: ctx.now, answered_by_account_id: ctx.actor.accountId }
          : {
              status: 'declined',
              ended_at: ctx.now,
              end_reason: input.reason || null,
              answered_by_account_id: ctx.actor.accountId,
            },
      )
      .where('territory_id', '=', t)
      .where('id', '=', f.id)
      .execute();
    const member = await teamMemberById(ctx.trx, t, f.id);
    const who = `${member.professionalName ?? 'Un·e professionnel·le'} (${member.organisationName})`;
    const summary = input.accept
      ? `${who} rejoint l’équipe comme ${roleLabel(f.role).toLowerCase()}`
      : invitation
        ? `${who} décline l’invitation à rejoindre l’équipe`
        : `Demande de ${who} pour rejoindre l’équipe déclinée`;
    ctx.emit(
      personEvent(
        ctx,
        input.accept ? 'TeamMemberJoined' : 'TeamInvitationDeclined',
        f.person_id,
        {
          section: 'journey',
          summary,
        },
        { followUpId: f.id },
      ),
    );
    const answerer = await actorLabel(ctx);
    // The other side hears back: the inviter, or the professional who asked to join.
    const recipient = invitation ? f.created_by_account_id : f.account_id;
    await notifyAccounts(
      ctx,
      f.person_id,
      [recipient],
      input.accept
        ? "Arrivée dans l'équipe d'accompagnement"
        : "Réponse négative pour l'équipe d'accompagnement",
      [
        invitation
          ? `${answerer} ${input.accept ? 'a accepté' : 'a décliné'} votre invitation à rejoindre l’équipe d’accompagnement d’une personne accompagnée.`
          : `${answerer} ${input.accept ? 'a accepté' : 'a décliné'} votre demande pour rejoindre l’équipe d’accompagnement d’une personne accompagnée.`,
      ],
    );
    await ctx.audit({
      action: 'people.answerFollowUp',
      subjectType: 'follow_up',
      subjectId: f.id,
      personId: f.person_id,
      section: 'journey',
      details: { accept: input.accept },
    });
    return member;
  },
});
