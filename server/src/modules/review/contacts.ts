import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { StoredEvent } from '../../kernel/outbox';

export type ContactKind = 'appel' | 'message' | 'visite' | 'rendez_vous';

export interface ContactFact {
  territoryId: string;
  personId: string;
  kind: ContactKind;
  occurredAt: Date;
  accountId: string | null;
  organisationId: string | null;
  note: string | null;
  appointmentId: string | null;
  recordedAt: Date;
}

/**
 * Records a contact with the person and moves `persons.last_contact_at` forward (never back:
 * a contact noted late for an older day does not hide a more recent one). Returns its id.
 */
export async function addContact(db: Db, fact: ContactFact): Promise<string> {
  const { id } = await db
    .insertInto('person_contacts')
    .values({
      territory_id: fact.territoryId,
      person_id: fact.personId,
      kind: fact.kind,
      occurred_at: fact.occurredAt,
      account_id: fact.accountId,
      organisation_id: fact.organisationId,
      note: fact.note,
      appointment_id: fact.appointmentId,
      recorded_at: fact.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('persons')
    .set({ last_contact_at: sql`greatest(last_contact_at, ${fact.occurredAt}::timestamptz)` })
    .where('territory_id', '=', fact.territoryId)
    .where('id', '=', fact.personId)
    .execute();
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);

/**
 * `AppointmentStatusChanged` as contact facts (shared briefing): an honoured appointment is a
 * contact (kind `rendez_vous`, at the appointment's start; once per appointment, whatever the
 * number of deliveries); a correction away from « honoré » removes that contact and recomputes
 * the last contact from the contacts that remain. In one transaction.
 */
export async function applyAppointmentContact(db: Db, event: StoredEvent): Promise<void> {
  const p = event.payload;
  const territoryId = event.territoryId;
  const personId = uuidOrNull(p.personId);
  const appointmentId = uuidOrNull(p.appointmentId);
  if (!territoryId || !personId || !appointmentId) return;
  const startsAt = typeof p.startsAt === 'string' ? new Date(p.startsAt) : null;
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('person_contacts')
      .select(['id', 'occurred_at'])
      .where('territory_id', '=', territoryId)
      .where('person_id', '=', personId)
      .where('appointment_id', '=', appointmentId)
      .execute();
    if (p.status === 'honore') {
      if (existing.length > 0 || !startsAt || Number.isNaN(startsAt.getTime())) return;
      await addContact(trx, {
        territoryId,
        personId,
        kind: 'rendez_vous',
        occurredAt: startsAt,
        accountId: uuidOrNull(p.actorAccountId),
        organisationId: uuidOrNull(p.organisationId),
        note: null,
        appointmentId,
        recordedAt: event.occurredAt,
      });
      return;
    }
    if (existing.length === 0) return;
    await trx
      .deleteFrom('person_contacts')
      .where('territory_id', '=', territoryId)
      .where(
        'id',
        'in',
        existing.map((e) => e.id),
      )
      .execute();
    // The last contact may have been this one: take the latest that remains (none: no contact).
    await sql`
      update persons set last_contact_at = (
        select max(c.occurred_at) from person_contacts c
        where c.territory_id = ${territoryId} and c.person_id = ${personId})
      where territory_id = ${territoryId} and id = ${personId}
        and last_contact_at <= ${new Date(Math.max(...existing.map((e) => e.occurred_at.getTime())))}::timestamptz`.execute(
      trx,
    );
  });
}
