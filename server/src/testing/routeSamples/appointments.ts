import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/** A person followed by Girard (référent, ALI Bobigny) with one planned appointment he holds. */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'M',
      birth_name: 'Rendezvous',
      first_names: ['Karim'],
      birth_date: '1985-03-04',
      commune_code: '93008',
      preferred_channel: 'sms',
      phone_mobile: '0611223355',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: personId,
      organisation_id: ids.organisationId,
      account_id: ids.accountId,
      role: 'referent',
      status: 'active',
      started_at: now,
    })
    .execute();
  const startsAt = new Date('2026-11-20T09:30:00Z');
  const { id: appointmentId } = await db
    .insertInto('appointments')
    .values({
      territory_id: t,
      person_id: personId,
      organisation_id: ids.organisationId,
      type: 'accompagnement',
      starts_at: startsAt,
      duration_minutes: 45,
      mode: 'telephone',
      created_by_account_id: ids.accountId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('appointment_professionals')
    .values({
      territory_id: t,
      appointment_id: appointmentId,
      account_id: ids.accountId,
      starts_at: startsAt,
    })
    .execute();
  return { appointmentPersonId: personId, appointmentId };
}

export const appointmentsSamples: RouteSampleSet = {
  openToTerritoryMembers: {},
  prepare,
  inputs: (ids) => {
    const appointment = { params: { id: ids.appointmentId ?? '' } };
    return {
      'appointments.ofPerson': { params: { id: ids.appointmentPersonId ?? '' } },
      'appointments.create': {
        params: { id: ids.appointmentPersonId ?? '' },
        body: { type: 'suivi', startsAt: '2026-11-25T10:30', durationMinutes: 45, mode: 'telephone' },
      },
      'appointments.get': appointment,
      'appointments.update': { ...appointment, body: { revision: 1, startsAt: '2026-11-26T14:00' } },
      'appointments.changeStatus': {
        ...appointment,
        body: { action: 'cancel', revision: 1, reason: 'Congés' },
      },
      'appointments.ics': appointment,
      // Girard's agenda: only he, or the structure manager of ALI Bobigny, may open it.
      'appointments.agenda': { query: { accountId: ids.accountId, from: '2026-11-16', to: '2026-11-22' } },
    };
  },
};
