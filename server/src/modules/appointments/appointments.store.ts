import {
  type Appointment,
  type AppointmentMode,
  type AppointmentSource,
  type AppointmentStatus,
  type AppointmentType,
  allowedAppointmentActions,
} from '@spie/contract/appointments';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Appointments, DB } from '../../db/schema';
import { DomainError, notFound } from '../../kernel/errors';
import { displayName } from '../people';
import { toParisLocal } from './parisTime';

type Trx = Transaction<DB> | Db;
export type AppointmentRow = Selectable<Appointments>;

export const appointmentNotFound = () =>
  notFound('appointments.not_found', 'Rendez-vous introuvable ou non accessible.');

/** One appointment of the territory (404 otherwise); `lock` for writes. */
export async function loadAppointmentRow(
  trx: Trx,
  territoryId: string,
  id: string,
  lock = false,
): Promise<AppointmentRow> {
  let q = trx
    .selectFrom('appointments')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw appointmentNotFound();
  return row;
}

export interface ProfessionalRef {
  accountId: string;
  name: string;
}

/** The professionals of several appointments at once, by appointment id (name order). */
export async function professionalsOf(
  trx: Trx,
  territoryId: string,
  appointmentIds: string[],
): Promise<Map<string, ProfessionalRef[]>> {
  const byAppointment = new Map<string, ProfessionalRef[]>();
  if (appointmentIds.length === 0) return byAppointment;
  const rows = await trx
    .selectFrom('appointment_professionals as ap')
    .innerJoin('accounts as a', 'a.id', 'ap.account_id')
    .select([
      'ap.appointment_id',
      'ap.account_id',
      sql<string>`a.first_name || ' ' || a.last_name`.as('name'),
    ])
    .where('ap.territory_id', '=', territoryId)
    .where('ap.appointment_id', 'in', appointmentIds)
    .orderBy('a.last_name')
    .orderBy('a.first_name')
    .execute();
  for (const r of rows) {
    const list = byAppointment.get(r.appointment_id) ?? [];
    list.push({ accountId: r.account_id, name: r.name });
    byAppointment.set(r.appointment_id, list);
  }
  return byAppointment;
}

/**
 * The API view of appointments, three small queries for any number of them (no N+1).
 * `mayWrite` tells, per appointment, whether the caller may act on it: the allowed actions are
 * only listed for those who may take them.
 */
export async function toAppointments(
  trx: Trx,
  territoryId: string,
  rows: AppointmentRow[],
  now: Date,
  mayWrite: (row: AppointmentRow, professionals: ProfessionalRef[]) => boolean,
): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
  const creatorIds = [...new Set(rows.map((r) => r.created_by_account_id).filter((v): v is string => !!v))];
  const [professionals, persons, orgs, creators] = await Promise.all([
    professionalsOf(trx, territoryId, ids),
    trx
      .selectFrom('persons')
      .select(['id', 'first_names', 'birth_name', 'usage_name'])
      .where('territory_id', '=', territoryId)
      .where('id', 'in', personIds)
      .execute(),
    trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('territory_id', '=', territoryId)
      .where('id', 'in', orgIds)
      .execute(),
    creatorIds.length === 0
      ? Promise.resolve([])
      : trx
          .selectFrom('accounts')
          .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
          .where('id', 'in', creatorIds)
          .execute(),
  ]);
  const personName = new Map(persons.map((p) => [p.id, displayName(p)]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const creatorName = new Map(creators.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const pros = professionals.get(r.id) ?? [];
    const startsAt = new Date(r.starts_at);
    const status = r.status as AppointmentStatus;
    return {
      id: r.id,
      person: { id: r.person_id, displayName: personName.get(r.person_id) ?? '' },
      organisation: { id: r.organisation_id, name: orgName.get(r.organisation_id) ?? '' },
      professionals: pros,
      type: r.type as AppointmentType,
      startsAt: startsAt.toISOString(),
      startsAtLocal: toParisLocal(startsAt),
      durationMinutes: r.duration_minutes,
      mode: r.mode as AppointmentMode,
      address: r.address,
      visioUrl: r.visio_url,
      status,
      statusReason: r.status_reason,
      outcomeNote: r.outcome_note,
      note: r.note,
      source: r.source as AppointmentSource,
      campaignId: r.campaign_id,
      confirmationSentAt: r.confirmation_sent_at ? new Date(r.confirmation_sent_at).toISOString() : null,
      reminderSentAt: r.reminder_sent_at ? new Date(r.reminder_sent_at).toISOString() : null,
      createdBy: r.created_by_account_id
        ? { accountId: r.created_by_account_id, name: creatorName.get(r.created_by_account_id) ?? '' }
        : null,
      createdAt: new Date(r.created_at).toISOString(),
      revision: r.revision,
      allowedActions: mayWrite(r, pros) ? allowedAppointmentActions(status, startsAt, now) : [],
    };
  });
}

/** Where it happens: the address only on site, the link only by video, nothing by phone. */
export function normalisePlace(place: {
  mode: AppointmentMode;
  address: string | null | undefined;
  visioUrl: string | null | undefined;
}): { mode: AppointmentMode; address: string | null; visioUrl: string | null } {
  const address = place.address?.trim() || null;
  const visioUrl = place.visioUrl?.trim() || null;
  const problems: { path: string; message: string }[] = [];
  if (place.mode === 'sur_place' && !address)
    problems.push({ path: 'address', message: 'Indiquez l’adresse du rendez-vous.' });
  if (place.mode === 'visio') {
    if (!visioUrl)
      problems.push({ path: 'visioUrl', message: 'Indiquez le lien de la visioconférence (https://…).' });
    else if (!/^https:\/\/[^\s/]+\.[^\s]*$/i.test(visioUrl))
      problems.push({
        path: 'visioUrl',
        message: 'Lien de visioconférence : une adresse https:// est attendue.',
      });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      'appointments.place_incomplete',
      problems[0]?.message ?? 'Lieu à compléter.',
      problems,
    );
  }
  return {
    mode: place.mode,
    address: place.mode === 'sur_place' ? address : null,
    visioUrl: place.mode === 'visio' ? visioUrl : null,
  };
}

/** Appointments are booked ahead: the start must be later than now. */
export function requireFuture(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'validation',
      'appointments.in_the_past',
      'Cette date est déjà passée : choisissez une date et une heure à venir.',
      [
        {
          path: 'startsAt',
          message:
            'Cette date est déjà passée : choisissez une date à venir. Pour un échange qui a déjà eu lieu, notez plutôt un contact.',
        },
      ],
    );
  }
}
