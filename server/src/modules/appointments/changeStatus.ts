import {
  type AppointmentMode,
  type AppointmentStatus,
  type AppointmentType,
  appointmentStatusBody,
  appointmentsRoutes,
} from '@spie/contract/appointments';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { appointmentAccess } from './appointments.access';
import { checkAppointmentTransition } from './appointments.engine';
import { loadAppointmentRow, toAppointments } from './appointments.store';
import { appointmentEvent } from './bookAppointment';
import { type Told, tellPerson, toldWords } from './notifyPerson';
import { frenchDateTimeWords } from './parisTime';

const input = appointmentStatusBody.extend(appointmentsRoutes.changeStatus.params.shape);

/** What the timeline says of each outcome. */
const OUTCOME_WORDS: Record<AppointmentStatus, string> = {
  prevu: 'prévu',
  honore: 'la personne est venue',
  absent: 'la personne était absente',
  excuse: 'la personne s’est excusée',
  annule: 'annulé',
};

/**
 * Records the outcome (came, absent, excused), cancels, or corrects a mistaken outcome, through
 * the transition table (what is open depends on the start being past or to come). Emits
 * `AppointmentStatusChanged` (the review module turns « honoré » into a contact). Cancelling
 * tells the person by their channel.
 */
export const changeAppointmentStatus = defineUseCase({
  name: 'appointments.changeStatus',
  kind: 'command',
  input,
  authorize: async (ctx, input) => (await appointmentAccess(ctx, input.id)).write,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const row = await loadAppointmentRow(ctx.trx, t, input.id, true);
    if (row.revision !== input.revision) throw staleVersion('appointments', row.revision);
    const previousStatus = row.status as AppointmentStatus;
    const startsAt = new Date(row.starts_at);
    const { to } = checkAppointmentTransition({
      status: previousStatus,
      startsAt,
      now: ctx.now,
      action: input.action,
      fields: { reason: input.reason, outcomeNote: input.outcomeNote, startsAt: undefined },
      correctedStatus: input.status,
    });
    let told: Told | null = null;
    if (to === 'annule') {
      told = await tellPerson(
        ctx,
        {
          id: row.id,
          territoryId: t,
          personId: row.person_id,
          organisationId: row.organisation_id,
          type: row.type as AppointmentType,
          startsAt,
          durationMinutes: row.duration_minutes,
          mode: row.mode as AppointmentMode,
          address: row.address,
          visioUrl: row.visio_url,
          source: row.source,
        },
        'annulation',
      );
    }
    await ctx.trx
      .updateTable('appointments')
      .set({
        status: to,
        status_reason: input.reason?.trim() || (input.action === 'correct' ? row.status_reason : null),
        outcome_note: input.outcomeNote?.trim() || row.outcome_note,
        revision: row.revision + 1,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', t)
      .where('id', '=', row.id)
      .execute();
    const when = frenchDateTimeWords(startsAt);
    const summary =
      input.action === 'correct'
        ? `Résultat corrigé — rendez-vous du ${when} : ${OUTCOME_WORDS[to]}.`
        : to === 'annule'
          ? `Rendez-vous du ${when} : annulé. ${toldWords(told)}`
          : `Rendez-vous du ${when} : ${OUTCOME_WORDS[to]}.`;
    ctx.emit(
      appointmentEvent(ctx, 'AppointmentStatusChanged', row.person_id, row.organisation_id, summary, {
        appointmentId: row.id,
        status: to,
        previousStatus,
        action: input.action,
        startsAt: startsAt.toISOString(),
        campaignId: row.campaign_id,
      }),
    );
    const updated = await loadAppointmentRow(ctx.trx, t, row.id);
    const [view] = await toAppointments(ctx.trx, t, [updated], ctx.now, () => true);
    return view as NonNullable<typeof view>;
  },
  auditSubject: (input, output) => ({
    subjectType: 'appointment',
    subjectId: output.id,
    personId: output.person.id,
    section: 'journey',
    details: { action: input.action, status: output.status },
  }),
});
