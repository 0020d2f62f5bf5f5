import { type AppointmentMode, type AppointmentType, appointmentsRoutes } from '@spie/contract/appointments';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { appointmentAccess } from './appointments.access';
import { appointmentIcs } from './ics';
import { organisationContact } from './notifyPerson';

export interface IcsFile {
  filename: string;
  content: string;
}

/** The appointment as a calendar file (`rendez-vous-AAAA-MM-JJ.ics`). Audited read (journey). */
export const appointmentIcsFile = defineUseCase({
  name: 'appointments.ics',
  kind: 'query',
  input: appointmentsRoutes.ics.params,
  authorize: async (ctx, input) => (await appointmentAccess(ctx, input.id)).read,
  run: async (ctx, input): Promise<IcsFile> => {
    const { row } = await appointmentAccess(ctx, input.id);
    const organisation = await organisationContact(ctx, row.territory_id, row.organisation_id);
    await ctx.audit({
      action: 'appointments.ics',
      subjectType: 'appointment',
      subjectId: row.id,
      personId: row.person_id,
      section: 'journey',
    });
    const startsAt = new Date(row.starts_at);
    return {
      filename: `rendez-vous-${parisToday(startsAt)}.ics`,
      content: appointmentIcs({
        id: row.id,
        type: row.type as AppointmentType,
        startsAt,
        durationMinutes: row.duration_minutes,
        mode: row.mode as AppointmentMode,
        address: row.address,
        visioUrl: row.visio_url,
        organisationName: organisation.name,
        status: row.status,
        stamp: ctx.now,
        sequence: row.revision - 1,
      }),
    };
  },
});
