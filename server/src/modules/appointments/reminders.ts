import type { AppointmentMode, AppointmentType } from '@spie/contract/appointments';
import { territorySettings } from '@spie/contract/territories';
import { sql } from 'kysely';
import type { Deps } from '../../kernel/deps';
import { queueNotifications } from '../notifications';
import { appointmentMessage, type PersonContact, reachFor } from './messages';

const BATCH = 500;
const DAY_MS = 86_400_000;

interface DueRow extends PersonContact {
  territory_id: string;
  id: string;
  person_id: string;
  type: string;
  starts_at: Date;
  duration_minutes: number;
  mode: string;
  address: string | null;
  visio_url: string | null;
  org_name: string;
  org_phone: string | null;
  org_email: string | null;
  org_address_line: string | null;
  org_postal_code: string | null;
  org_commune_name: string | null;
}

/**
 * Claims one batch of appointments due for their reminder in one territory and queues the
 * messages, in one transaction: due = planned, starting within `days` days from now, not reminded
 * yet (index appointments_to_remind), made or confirmed before the reminder window opened (the
 * confirmation of an appointment booked for the day after tomorrow is the reminder), and the
 * person reachable by SMS or e-mail (a letter would come too late; someone who prefers a call
 * is called). `for update skip locked`: two workers never remind the same appointment.
 */
async function remindBatch(deps: Deps, territoryId: string, days: number, now: Date): Promise<number> {
  const until = new Date(now.getTime() + days * DAY_MS);
  return deps.database.db.transaction().execute(async (trx) => {
    const claimed = await sql<DueRow>`
      update appointments a set reminder_sent_at = ${now}
      from persons p, organisations o left join communes oc on oc.code = o.commune_code, (
        select a2.territory_id, a2.id from appointments a2
        join persons p2 on p2.territory_id = a2.territory_id and p2.id = a2.person_id
        where a2.status = 'prevu' and a2.reminder_sent_at is null
          and a2.starts_at > ${now} and a2.starts_at <= ${until}
          and a2.territory_id = ${territoryId}
          and coalesce(a2.confirmation_sent_at, a2.created_at) < a2.starts_at - ${days * 24}::int * interval '1 hour'
          and p2.preferred_channel is distinct from 'phone'
          and ((p2.phone_mobile is not null and p2.phone_invalid_at is null)
            or (p2.email is not null and p2.email_invalid_at is null))
        order by a2.starts_at
        limit ${BATCH}
        for update of a2 skip locked
      ) due
      where a.territory_id = due.territory_id and a.id = due.id
        and p.territory_id = a.territory_id and p.id = a.person_id
        and o.territory_id = a.territory_id and o.id = a.organisation_id
      returning a.territory_id, a.id, a.person_id, a.type, a.starts_at, a.duration_minutes, a.mode, a.address,
        a.visio_url, p.first_names, p.birth_name, p.usage_name, p.preferred_channel, p.phone_mobile,
        p.phone_invalid_at, p.email, p.email_invalid_at, p.address_line, p.postal_code, null as commune_name,
        o.name as org_name, o.phone as org_phone, o.email as org_email, o.address_line as org_address_line,
        o.postal_code as org_postal_code, oc.name as org_commune_name`.execute(trx);
    const values = claimed.rows.flatMap((r) => {
      const reach = reachFor(r, 'reminder');
      if (reach.channel !== 'sms' && reach.channel !== 'email') return [];
      const message = appointmentMessage(
        'rappel',
        reach.channel,
        {
          type: r.type as AppointmentType,
          startsAt: new Date(r.starts_at),
          durationMinutes: r.duration_minutes,
          mode: r.mode as AppointmentMode,
          address: r.address,
          visioUrl: r.visio_url,
        },
        {
          name: r.org_name,
          phone: r.org_phone,
          email: r.org_email,
          address_line: r.org_address_line,
          postal_code: r.org_postal_code,
          commune_name: r.org_commune_name,
        },
      );
      return [
        {
          territoryId: r.territory_id,
          channel: reach.channel,
          recipient: reach.recipient,
          personId: r.person_id,
          subject: message.subject,
          body: message.body,
          relatedKind: 'appointment' as const,
          relatedId: r.id,
        },
      ];
    });
    // Stored like any notification (the worker sends them), in the same transaction as the claim.
    await queueNotifications(trx, values, now);
    return claimed.rows.length;
  });
}

/**
 * The D-`appointmentReminderDaysBefore` reminders (territory setting, 2 by default): run at every
 * worker pass, set-based and batched, idempotent (`reminder_sent_at`), on the clock of `deps`.
 */
export async function sendAppointmentReminders(deps: Deps): Promise<{ reminded: number }> {
  const now = deps.clock.now();
  const territories = await deps.database.db.selectFrom('territories').select(['id', 'settings']).execute();
  let reminded = 0;
  for (const t of territories) {
    const days = territorySettings.parse(t.settings ?? {}).appointmentReminderDaysBefore;
    for (;;) {
      const n = await remindBatch(deps, t.id, days, now);
      reminded += n;
      if (n < BATCH) break;
    }
  }
  return { reminded };
}
