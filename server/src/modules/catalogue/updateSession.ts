import { catalogueRoutes, updateSessionBody } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayManageService } from './catalogue.access';
import { sessionView } from './catalogue.queries';
import { findServiceRow, serviceUpdated, sessionNotFound, staleRevision } from './catalogue.store';

const input = updateSessionBody.extend(catalogueRoutes.updateSession.params.shape);

/** Changes a session (dates, places, mode, schedule, address, status, waiting list); optimistic `revision`. */
export const updateSession = defineUseCase({
  name: 'catalogue.updateSession',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await findServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null || mayManageService(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const current = await ctx.trx
      .selectFrom('catalogue_sessions')
      .selectAll()
      .where('territory_id', '=', t)
      .where('service_id', '=', input.id)
      .where('id', '=', input.sessionId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw sessionNotFound();
    if (current.revision !== input.revision) throw staleRevision(current.revision);
    const s = input.session;
    const row = await ctx.trx
      .updateTable('catalogue_sessions')
      .set({
        label: s.label,
        start_date: s.startDate,
        end_date: s.endDate,
        places: s.places,
        mode: s.mode,
        schedule: s.schedule,
        address: s.address,
        status: s.status,
        waiting_list_enabled: s.waitingListEnabled,
        revision: current.revision + 1,
        updated_at: ctx.now,
      })
      .where('territory_id', '=', t)
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.emit(serviceUpdated(t, input.id, 'session_updated'));
    return sessionView(ctx.trx, row, parisToday(ctx.now));
  },
  auditSubject: (input) => ({
    subjectType: 'catalogue_session',
    subjectId: input.sessionId,
    details: { serviceId: input.id },
  }),
});
