import {
  type AppointmentMode,
  type AppointmentStatus,
  type AppointmentType,
  appointmentModeLabels,
  appointmentsRoutes,
  updateAppointmentBody,
} from '@spie/contract/appointments';
import { staleVersion } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { appointmentAccess, checkProfessionals } from './appointments.access';
import { checkAppointmentTransition } from './appointments.engine';
import { loadAppointmentRow, normalisePlace, requireFuture, toAppointments } from './appointments.store';
import { appointmentEvent } from './bookAppointment';
import { parisInstant } from './createAppointment';
import { type Told, tellPerson, toldWords } from './notifyPerson';
import { frenchDateTimeWords } from './parisTime';

const input = updateAppointmentBody.extend(appointmentsRoutes.update.params.shape);

/**
 * Moves an appointment, changes where it happens or who holds it: only while it is planned and
 * still to come (the `reschedule` row of the transition table). Optimistic concurrency on
 * `revision`. A new time or place is confirmed to the person (unless told not to) and the D-2
 * reminder is due again for the new date.
 */
export const updateAppointment = defineUseCase({
  name: 'appointments.update',
  kind: 'command',
  input,
  authorize: async (ctx, input) => (await appointmentAccess(ctx, input.id)).write,
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const row = await loadAppointmentRow(ctx.trx, t, input.id, true);
    if (row.revision !== input.revision) throw staleVersion('appointments', row.revision);
    const oldStart = new Date(row.starts_at);
    const startsAt = input.startsAt ? parisInstant(input.startsAt) : oldStart;
    checkAppointmentTransition({
      status: row.status as AppointmentStatus,
      startsAt: oldStart,
      now: ctx.now,
      action: 'reschedule',
      fields: { startsAt },
    });
    const moved = startsAt.getTime() !== oldStart.getTime();
    if (moved) requireFuture(startsAt, ctx.now);
    const place = normalisePlace({
      mode: input.mode ?? (row.mode as AppointmentMode),
      address: input.address !== undefined ? input.address : row.address,
      visioUrl: input.visioUrl !== undefined ? input.visioUrl : row.visio_url,
    });
    const durationMinutes = input.durationMinutes ?? row.duration_minutes;
    const placeChanged =
      place.mode !== row.mode || place.address !== row.address || place.visioUrl !== row.visio_url;
    const durationChanged = durationMinutes !== row.duration_minutes;
    let professionalsChanged = false;
    if (input.professionalAccountIds) {
      const wanted = await checkProfessionals(
        ctx,
        t,
        row.organisation_id,
        row.person_id,
        input.professionalAccountIds,
      );
      const current = (
        await ctx.trx
          .selectFrom('appointment_professionals')
          .select('account_id')
          .where('territory_id', '=', t)
          .where('appointment_id', '=', row.id)
          .execute()
      ).map((r) => r.account_id);
      professionalsChanged = wanted.length !== current.length || wanted.some((id) => !current.includes(id));
      if (professionalsChanged) {
        await ctx.trx
          .deleteFrom('appointment_professionals')
          .where('territory_id', '=', t)
          .where('appointment_id', '=', row.id)
          .execute();
        await ctx.trx
          .insertInto('appointment_professionals')
          .values(
            wanted.map((accountId) => ({
              territory_id: t,
              appointment_id: row.id,
              account_id: accountId,
              starts_at: startsAt,
            })),
          )
          .execute();
      }
    }
    if (!moved && !placeChanged && !durationChanged && !professionalsChanged) {
      const [view] = await toAppointments(ctx.trx, t, [row], ctx.now, () => true);
      return view as NonNullable<typeof view>;
    }
    if (moved && !professionalsChanged) {
      await ctx.trx
        .updateTable('appointment_professionals')
        .set({ starts_at: startsAt })
        .where('territory_id', '=', t)
        .where('appointment_id', '=', row.id)
        .execute();
    }
    let told: Told | null = null;
    const personConcerned = moved || placeChanged || durationChanged;
    if (personConcerned && input.notifyPerson) {
      told = await tellPerson(
        ctx,
        {
          id: row.id,
          territoryId: t,
          personId: row.person_id,
          organisationId: row.organisation_id,
          type: row.type as AppointmentType,
          startsAt,
          durationMinutes,
          mode: place.mode,
          address: place.address,
          visioUrl: place.visioUrl,
          source: row.source,
        },
        moved ? 'deplacement' : 'confirmation',
      );
    }
    await ctx.trx
      .updateTable('appointments')
      .set({
        starts_at: startsAt,
        duration_minutes: durationMinutes,
        mode: place.mode,
        address: place.address,
        visio_url: place.visioUrl,
        revision: row.revision + 1,
        updated_at: ctx.now,
        ...(moved ? { reminder_sent_at: null } : {}),
        ...(told?.notificationId ? { confirmation_sent_at: ctx.now } : {}),
      })
      .where('territory_id', '=', t)
      .where('id', '=', row.id)
      .execute();
    const changes = [
      moved ? `déplacé au ${frenchDateTimeWords(startsAt)}` : null,
      placeChanged ? `désormais ${appointmentModeLabels[place.mode].toLocaleLowerCase('fr-FR')}` : null,
      durationChanged ? `durée ${durationMinutes} minutes` : null,
      professionalsChanged ? 'professionnels changés' : null,
    ].filter(Boolean);
    const summary = `Rendez-vous du ${frenchDateTimeWords(oldStart)} ${changes.join(', ')}.${personConcerned ? ` ${toldWords(told)}` : ''}`;
    ctx.emit(
      appointmentEvent(ctx, 'AppointmentUpdated', row.person_id, row.organisation_id, summary, {
        appointmentId: row.id,
        startsAt: startsAt.toISOString(),
        previousStartsAt: oldStart.toISOString(),
        campaignId: row.campaign_id,
        confirmation: told?.reach ?? null,
      }),
    );
    const updated = await loadAppointmentRow(ctx.trx, t, row.id);
    const [view] = await toAppointments(ctx.trx, t, [updated], ctx.now, () => true);
    return view as NonNullable<typeof view>;
  },
  auditSubject: (_input, output) => ({
    subjectType: 'appointment',
    subjectId: output.id,
    personId: output.person.id,
    section: 'journey',
  }),
});
