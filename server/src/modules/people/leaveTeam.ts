import { peopleRoutes } from '@spie/contract/people';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import {
  actorLabel,
  followUpNotFound,
  loadFollowUp,
  notifyAccounts,
  teamLeads,
  teamMemberById,
} from './team.queries';

const r = peopleRoutes.leaveTeam;
const input = r.params.extend(r.body.shape);

/**
 * A member leaves the team with a reason (their own follow-up); a structure manager may end a
 * follow-up of their organisation (a professional who left, a reassignment). History stays.
 */
export const leaveTeam = defineUseCase({
  name: 'people.leaveTeam',
  kind: 'command',
  audit: 'manual',
  input,
  authorize: async (ctx, input) => {
    const f = await loadFollowUp(ctx.trx, ctx.actor.territoryId, input.id);
    if (!f) throw followUpNotFound();
    if (f.organisation_id !== ctx.actor.organisationId) return false;
    return f.account_id === ctx.actor.accountId || ctx.actor.role === 'structure_manager';
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const f = await loadFollowUp(ctx.trx, t, input.id);
    if (!f) throw followUpNotFound();
    if (f.status !== 'active')
      throw conflict('follow_up.not_active', 'Ce suivi n’est pas en cours : il ne peut pas être terminé.');
    await ctx.trx
      .updateTable('follow_ups')
      .set({ status: 'ended', ended_at: ctx.now, end_reason: input.reason })
      .where('territory_id', '=', t)
      .where('id', '=', f.id)
      .execute();
    const member = await teamMemberById(ctx.trx, t, f.id);
    const who = `${member.professionalName ?? 'La structure'} (${member.organisationName})`;
    const own = f.account_id === ctx.actor.accountId;
    ctx.emit(
      personEvent(
        ctx,
        'TeamMemberLeft',
        f.person_id,
        {
          section: 'journey',
          summary: own ? `${who} quitte l’équipe` : `Fin du suivi de ${who}, par sa structure`,
        },
        { followUpId: f.id },
      ),
    );
    const by = await actorLabel(ctx);
    await notifyAccounts(
      ctx,
      f.person_id,
      [...(await teamLeads(ctx.trx, t, f.person_id)), own ? null : f.account_id],
      "Départ de l'équipe d'accompagnement",
      [
        own
          ? `${by} a quitté l’équipe d’accompagnement d’une personne accompagnée que vous suivez.`
          : `${by} a mis fin au suivi de ${who} dans l’équipe d’accompagnement d’une personne accompagnée.`,
      ],
    );
    await ctx.audit({
      action: 'people.leaveTeam',
      subjectType: 'follow_up',
      subjectId: f.id,
      personId: f.person_id,
      section: 'journey',
    });
    return member;
  },
});
