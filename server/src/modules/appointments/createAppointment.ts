import { appointmentsRoutes, createAppointmentBody } from '@spie/contract/appointments';
import { DomainError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { maySection, requireNotMerged } from '../people';
import { checkProfessionals } from './appointments.access';
import { loadAppointmentRow, toAppointments } from './appointments.store';
import { bookAppointment } from './bookAppointment';
import { fromParisLocal } from './parisTime';

const input = createAppointmentBody.extend(appointmentsRoutes.create.params.shape);

/** A local time in France as an instant, or a field error (impossible date, hour skipped in March). */
export function parisInstant(local: string, path = 'startsAt'): Date {
  const at = fromParisLocal(local);
  if (!at) {
    throw new DomainError(
      'validation',
      'appointments.no_such_time',
      'Cette date ou cette heure n’existe pas.',
      [
        {
          path,
          message:
            'Cette date ou cette heure n’existe pas (jour du mois, ou heure sautée au passage à l’heure d’été) : choisissez-en une autre.',
        },
      ],
    );
  }
  return at;
}

/**
 * A team member (référent, co-référent, intervenant: journey write) books an appointment with the
 * person, for their own organisation; they hold it themselves unless they name other
 * professionals of their organisation or of the person's team. The person gets a confirmation
 * by their channel unless told otherwise.
 */
export const createAppointment = defineUseCase({
  name: 'appointments.create',
  kind: 'command',
  input,
  authorize: (ctx, input) => maySection(ctx, input.id, 'journey', 'write'),
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    const t = ctx.actor.territoryId;
    const startsAt = parisInstant(input.startsAt);
    const professionals = await checkProfessionals(
      ctx,
      t,
      ctx.actor.organisationId,
      input.id,
      input.professionalAccountIds ?? [ctx.actor.accountId],
    );
    const { id } = await bookAppointment(ctx, {
      personId: input.id,
      organisationId: ctx.actor.organisationId,
      type: input.type,
      startsAt,
      durationMinutes: input.durationMinutes,
      mode: input.mode,
      address: input.address ?? null,
      visioUrl: input.visioUrl ?? null,
      professionalAccountIds: professionals,
      source: 'manuel',
      campaignId: null,
      notifyPerson: input.notifyPerson,
      note: input.note ?? null,
    });
    const row = await loadAppointmentRow(ctx.trx, t, id);
    const [view] = await toAppointments(ctx.trx, t, [row], ctx.now, () => true);
    return view as NonNullable<typeof view>;
  },
  auditSubject: (input, output) => ({
    subjectType: 'appointment',
    subjectId: output.id,
    personId: input.id,
    section: 'journey',
  }),
});
