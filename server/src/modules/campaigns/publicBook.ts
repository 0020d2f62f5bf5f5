import type { AppointmentMode, AppointmentType } from '@spie/contract/appointments';
import { campaignsRoutes } from '@spie/contract/campaigns';
import { conflict, notFound } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { bookAppointment } from '../appointments';
import { callTheOrganisation } from './campaigns.messages';
import {
  invitationAudit,
  invitationView,
  loadInvitation,
  mayActByInvitation,
  requireOpen,
} from './publicInvitation';

const input = campaignsRoutes.publicBook.params.extend(campaignsRoutes.publicBook.body.shape);

/**
 * The person picks a slot: the slot is locked, its places counted, the appointment booked (with
 * its confirmation by the person's channel) and the answer recorded — rendez-vous pris. The same
 * slot chosen twice (double click, page reloaded) gives the same answer.
 */
export const publicBook = defineUseCase({
  name: 'campaigns.publicBook',
  kind: 'command',
  actors: ['system'],
  input,
  authorize: mayActByInvitation,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId as string;
    const c = await loadInvitation(ctx, input.token, true);
    const r = c.recipient;
    if (r.answer === 'creneau') {
      if (r.slot_id === input.slotId)
        return { ...(await invitationView(ctx, c)), recipient: r, repeated: true };
      throw conflict(
        'campaigns.already_booked',
        `Vous avez déjà choisi un rendez-vous. Pour le changer, ${callTheOrganisation(c.organisation)}.`,
      );
    }
    requireOpen(c, ctx.now);
    const slot = await ctx.trx
      .selectFrom('campaign_slots')
      .selectAll()
      .where('territory_id', '=', t)
      .where('campaign_id', '=', c.campaign.id)
      .where('id', '=', input.slotId)
      .forUpdate()
      .executeTakeFirst();
    if (!slot)
      throw notFound('campaigns.slot_unknown', 'Ce créneau n’existe pas : choisissez-en un dans la liste.');
    if (new Date(slot.starts_at).getTime() <= ctx.now.getTime()) {
      throw conflict('campaigns.slot_past', 'Ce créneau est déjà passé : choisissez-en un autre.');
    }
    if (slot.booked >= slot.capacity) {
      throw conflict(
        'campaigns.slot_full',
        'Ce créneau vient d’être pris par quelqu’un d’autre. Choisissez un autre créneau.',
      );
    }
    await ctx.trx
      .updateTable('campaign_slots')
      .set((eb) => ({ booked: eb('booked', '+', 1) }))
      .where('territory_id', '=', t)
      .where('id', '=', slot.id)
      .execute();
    const appointment = await bookAppointment(ctx, {
      personId: r.person_id,
      organisationId: c.campaign.organisation_id,
      type: c.campaign.appointment_type as AppointmentType,
      startsAt: new Date(slot.starts_at),
      durationMinutes: slot.duration_minutes,
      mode: slot.mode as AppointmentMode,
      address: slot.address,
      visioUrl: null,
      professionalAccountIds: [slot.professional_account_id],
      source: 'campagne',
      campaignId: c.campaign.id,
      notifyPerson: true,
    });
    const updated = await ctx.trx
      .updateTable('campaign_recipients')
      .set({
        answer: 'creneau',
        slot_id: slot.id,
        appointment_id: appointment.id,
        answered_at: ctx.now,
        outcome: 'rendez_vous_pris',
        step: 'repondu',
        updated_at: ctx.now,
      })
      .where('territory_id', '=', t)
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      ...(await invitationView(ctx, { ...c, recipient: updated })),
      recipient: updated,
      repeated: false,
    };
  },
  auditSubject: (_input, output) =>
    invitationAudit(output.recipient, {
      answer: 'creneau',
      slotId: output.recipient.slot_id,
      appointmentId: output.recipient.appointment_id,
      repeated: output.repeated,
    }),
});
