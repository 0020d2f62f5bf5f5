import { campaignsRoutes } from '@spie/contract/campaigns';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { notifyAccountsBy, personEvent } from '../people';
import { callTheOrganisation } from './campaigns.messages';
import {
  invitationAudit,
  invitationView,
  loadInvitation,
  mayActByInvitation,
  requireOpen,
} from './publicInvitation';

const input = campaignsRoutes.publicCallback.params.extend(campaignsRoutes.publicCallback.body.shape);

const WHEN: Record<string, string> = {
  matin: 'de préférence le matin',
  apres_midi: 'de préférence l’après-midi',
  indifferent: 'à n’importe quel moment de la journée',
};

/**
 * The person asks to be called back: outcome « recontacté·e », and the organisation's managers
 * and the person's référent are told (a stored e-mail with the link to the record, no name in
 * it). Asking twice changes nothing.
 */
export const publicCallback = defineUseCase({
  name: 'campaigns.publicCallback',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: mayActByInvitation,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const c = await loadInvitation(ctx, input.token, true);
    const r = c.recipient;
    if (r.answer === 'rappel') return { ...(await invitationView(ctx, c)), recipient: r, repeated: true };
    if (r.answer === 'creneau') {
      throw conflict(
        'campaigns.already_booked',
        `Vous avez déjà choisi un rendez-vous. Pour le changer, ${callTheOrganisation(c.organisation)}.`,
      );
    }
    requireOpen(c, ctx.now);
    if (!c.campaign.allow_callback) {
      throw conflict(
        'campaigns.callback_not_offered',
        `Choisissez un des créneaux proposés. Si aucun ne vous convient, ${callTheOrganisation(c.organisation)}.`,
      );
    }
    const updated = await ctx.trx
      .updateTable('campaign_recipients')
      .set({
        answer: 'rappel',
        callback_time: input.preferredTime,
        answered_at: ctx.now,
        outcome: 'recontacte',
        step: 'repondu',
        updated_at: ctx.now,
      })
      .where('territory_id', '=', t)
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const when = WHEN[input.preferredTime] ?? '';
    const managers = await ctx.trx
      .selectFrom('memberships')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('organisation_id', '=', c.campaign.organisation_id)
      .where('role', '=', 'structure_manager')
      .where('ended_at', 'is', null)
      .execute();
    const referents = await ctx.trx
      .selectFrom('follow_ups')
      .select('account_id')
      .where('territory_id', '=', t)
      .where('person_id', '=', r.person_id)
      .where('role', '=', 'referent')
      .where('status', '=', 'active')
      .where('account_id', 'is not', null)
      .execute();
    await notifyAccountsBy(
      ctx.trx,
      { territoryId: t, byAccountId: null, now: ctx.now },
      r.person_id,
      [...managers, ...referents].map((m) => m.account_id),
      `Demande de rappel (campagne « ${c.campaign.name} »)`,
      [
        `Une personne invitée par la campagne « ${c.campaign.name} » demande à être rappelée, ${when}.`,
        'Merci de l’appeler dans les prochains jours.',
      ],
    );
    const event = personEvent(
      ctx,
      'CampaignCallbackRequested',
      r.person_id,
      {
        section: 'journey',
        summary: `A demandé à être rappelé·e, ${when} (campagne « ${c.campaign.name} », ${c.organisation.name}).`,
      },
      { campaignId: c.campaign.id, recipientId: r.id },
    );
    event.payload.organisationId = c.campaign.organisation_id;
    ctx.emit(event);
    return {
      ...(await invitationView(ctx, { ...c, recipient: updated })),
      recipient: updated,
      repeated: false,
    };
  },
  auditSubject: (_input, output) =>
    invitationAudit(output.recipient, {
      answer: 'rappel',
      preferredTime: output.recipient.callback_time,
      repeated: output.repeated,
    }),
});
