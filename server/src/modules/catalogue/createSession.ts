import { catalogueRoutes, sessionBody } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import { sessionView } from './catalogue.queries';
import { findServiceRow, loadServiceRow, serviceUpdated } from './catalogue.store';

const input = sessionBody.and(catalogueRoutes.createSession.params);

/** Adds a session to a service (dates, places, on site or remote, schedule, waiting list). */
export const createSession = defineUseCase({
  name: 'catalogue.createSession',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await findServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null || mayManageService(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const service = await loadServiceRow(ctx.trx, t, input.id);
    const row = await ctx.trx
      .insertInto('catalogue_sessions')
      .values({
        territory_id: t,
        service_id: service.id,
        label: input.label,
        start_date: input.startDate,
        end_date: input.endDate,
        places: input.places,
        mode: input.mode,
        schedule: input.schedule,
        address: input.address,
        status: input.status,
        waiting_list_enabled: input.waitingListEnabled,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.emit(serviceUpdated(t, service.id, 'session_created'));
    return sessionView(ctx.trx, row, parisToday(ctx.now));
  },
  auditSubject: (input, output) => ({
    subjectType: 'catalogue_session',
    subjectId: output.id,
    details: { serviceId: input.id },
  }),
});
