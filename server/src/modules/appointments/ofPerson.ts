import { appointmentsRoutes } from '@spie/contract/appointments';
import { defineUseCase } from '../../kernel/useCase';
import { may, personAccess } from '../people';
import { mayWriteWith } from './appointments.access';
import { toAppointments } from './appointments.store';

const LIMIT = 100;

/**
 * The « Rendez-vous » tab: appointments to come (soonest first), past ones (latest first, the
 * last 100), and the next one still planned. Journey readers only; audited read.
 */
export const appointmentsOfPerson = defineUseCase({
  name: 'appointments.ofPerson',
  kind: 'query',
  input: appointmentsRoutes.ofPerson.params,
  authorize: async (ctx, input) => {
    const { access } = await personAccess(ctx, input.id);
    return may(access, 'journey', 'read');
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const base = () =>
      ctx.trx
        .selectFrom('appointments')
        .selectAll()
        .where('territory_id', '=', t)
        .where('person_id', '=', input.id);
    const [upcomingRows, pastRows, { access, relation }] = await Promise.all([
      base()
        .where('starts_at', '>', ctx.now)
        .orderBy('starts_at', 'asc')
        .orderBy('id')
        .limit(LIMIT)
        .execute(),
      base()
        .where('starts_at', '<=', ctx.now)
        .orderBy('starts_at', 'desc')
        .orderBy('id')
        .limit(LIMIT)
        .execute(),
      personAccess(ctx, input.id),
    ]);
    await ctx.audit({
      action: 'appointments.ofPerson',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
    });
    const journey = { write: may(access, 'journey', 'write'), teamRole: relation.teamRole };
    const views = await toAppointments(ctx.trx, t, [...upcomingRows, ...pastRows], ctx.now, (row, pros) =>
      mayWriteWith(
        ctx.actor,
        journey,
        row,
        pros.map((p) => p.accountId),
      ),
    );
    const upcoming = views.slice(0, upcomingRows.length);
    const past = views.slice(upcomingRows.length);
    return { upcoming, past, next: upcoming.find((a) => a.status === 'prevu') ?? null };
  },
});
