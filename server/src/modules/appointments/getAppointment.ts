import { appointmentsRoutes } from '@spie/contract/appointments';
import { defineUseCase } from '../../kernel/useCase';
import { appointmentAccess } from './appointments.access';
import { toAppointments } from './appointments.store';

/** One appointment, for those who read the person's journey or hold it. Audited read. */
export const getAppointment = defineUseCase({
  name: 'appointments.get',
  kind: 'query',
  input: appointmentsRoutes.get.params,
  authorize: async (ctx, input) => (await appointmentAccess(ctx, input.id)).read,
  run: async (ctx, input) => {
    const { row, write } = await appointmentAccess(ctx, input.id);
    await ctx.audit({
      action: 'appointments.get',
      subjectType: 'appointment',
      subjectId: row.id,
      personId: row.person_id,
      section: 'journey',
    });
    const [view] = await toAppointments(ctx.trx, ctx.actor.territoryId, [row], ctx.now, () => write);
    return view as NonNullable<typeof view>;
  },
});
