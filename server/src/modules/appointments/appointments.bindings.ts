import { appointmentsRoutes as r } from '@spie/contract/appointments';
import { bindHandler, bindUseCase, type RouteBinding } from '../../http/binding';
import { execute } from '../../kernel/useCase';
import { agenda } from './agenda';
import { appointmentIcsFile } from './appointmentIcs';
import { changeAppointmentStatus } from './changeStatus';
import { createAppointment } from './createAppointment';
import { getAppointment } from './getAppointment';
import { appointmentsOfPerson } from './ofPerson';
import { updateAppointment } from './updateAppointment';

/** RFC 5987 filename (ASCII here, but kept safe whatever the name). */
const encodeFilename = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const appointmentsBindingsList: RouteBinding[] = [
  bindUseCase(r.ofPerson, appointmentsOfPerson),
  bindUseCase(r.create, createAppointment),
  bindUseCase(r.get, getAppointment),
  bindUseCase(r.update, updateAppointment),
  bindUseCase(r.changeStatus, changeAppointmentStatus),
  bindHandler(r.ics, async (ctx) => {
    const file = await execute(ctx.deps, appointmentIcsFile, ctx.params, ctx.actor, {
      requestId: ctx.requestId,
    });
    return ctx.reply
      .status(200)
      .header('content-type', 'text/calendar; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeFilename(file.filename)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.content);
  }),
  bindUseCase(r.agenda, agenda),
];
