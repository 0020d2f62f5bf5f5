import { type Appointment, agendaQuery } from '@spie/contract/appointments';
import { sql } from 'kysely';
import type { MemberActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { addDays } from '../people';
import { mayWriteWith } from './appointments.access';
import { type AppointmentRow, toAppointments } from './appointments.store';
import { fromParisLocal } from './parisTime';

export const AGENDA_MAX_DAYS = 31;
const AGENDA_MAX_ITEMS = 1000;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The caller's own agenda; a structure manager may open the agenda of a professional of their organisation. */
async function mayOpen(ctx: UseCaseContext<MemberActor>, accountId: string): Promise<boolean> {
  if (accountId === ctx.actor.accountId) return true;
  if (ctx.actor.role !== 'structure_manager') return false;
  const member = await ctx.trx
    .selectFrom('memberships')
    .select('id')
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('organisation_id', '=', ctx.actor.organisationId)
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * A professional's agenda between two days of France (a day, a week, up to 31 days), by start
 * time, through the agenda index (account, start). One's own agenda shows all one's
 * appointments; a structure manager looking at a colleague's sees those of their organisation.
 */
export const agenda = defineUseCase({
  name: 'appointments.agenda',
  kind: 'query',
  input: agendaQuery,
  authorize: (ctx, input) => mayOpen(ctx, input.accountId ?? ctx.actor.accountId),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const accountId = input.accountId ?? ctx.actor.accountId;
    const span = daysBetween(input.from, input.to);
    if (span < 0) {
      throw new DomainError(
        'validation',
        'appointments.agenda_range',
        'La date de fin est avant la date de début.',
        [{ path: 'to', message: 'Choisissez une date de fin après la date de début.' }],
      );
    }
    if (span + 1 > AGENDA_MAX_DAYS) {
      throw new DomainError(
        'validation',
        'appointments.agenda_range',
        `L’agenda s’affiche sur ${AGENDA_MAX_DAYS} jours au plus.`,
        [{ path: 'to', message: `Choisissez au plus ${AGENDA_MAX_DAYS} jours.` }],
      );
    }
    // Midnight in France always exists (clocks change at 2 or 3 in the morning).
    const from = fromParisLocal(`${input.from}T00:00`) as Date;
    const until = fromParisLocal(`${addDays(input.to, 1)}T00:00`) as Date;
    const own = accountId === ctx.actor.accountId;
    let q = ctx.trx
      .selectFrom('appointment_professionals as ap')
      .innerJoin('appointments as a', (j) =>
        j.onRef('a.territory_id', '=', 'ap.territory_id').onRef('a.id', '=', 'ap.appointment_id'),
      )
      .selectAll('a')
      .where('ap.account_id', '=', accountId)
      .where('ap.starts_at', '>=', from)
      .where('ap.starts_at', '<', until)
      .where('ap.territory_id', '=', t);
    if (!own) q = q.where('a.organisation_id', '=', ctx.actor.organisationId);
    const rows = (await q
      .orderBy('ap.starts_at')
      .orderBy('a.id')
      .limit(AGENDA_MAX_ITEMS)
      .execute()) as AppointmentRow[];
    const person = await ctx.trx
      .selectFrom('accounts')
      .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    await ctx.audit({
      action: 'appointments.agenda',
      subjectType: 'account',
      subjectId: accountId,
      details: { from: input.from, to: input.to, count: rows.length },
    });
    const items: Appointment[] = await toAppointments(ctx.trx, t, rows, ctx.now, (row, pros) =>
      mayWriteWith(
        ctx.actor,
        { write: false, teamRole: null },
        row,
        pros.map((p) => p.accountId),
      ),
    );
    return {
      professional: { accountId: person.id, name: person.name },
      from: input.from,
      to: input.to,
      items,
    };
  },
});
