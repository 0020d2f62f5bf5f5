import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../kernel/deps';
import { type NewNotification, queueNotifications } from '../notifications';
import { reminderSubject, reminderText } from './campaigns.messages';
import { invitationCode, invitationUrl } from './campaigns.tokens';

/**
 * What moves campaigns forward at every worker pass, each step one set-based statement (the
 * reminders by batches), only over the campaigns in progress:
 * 1. invitations the worker sent: step « invitée », delivery « envoyé » (or « remis »);
 * 2. the reminder at D+`reminder_days` of the invitation, once, by SMS or e-mail, to those who
 *    have not answered;
 * 3. invitations past their expiry: step « expirée », outcome « sans réponse » (unless unreachable);
 * 4. a campaign whose people are all answered, expired or convoked is « terminée ».
 */
export async function progressCampaigns(deps: Deps) {
  const now = deps.clock.now();
  const invited = await markSent(deps, now);
  const reminded = await sendReminders(deps, now);
  const expired = await expire(deps, now);
  const ended = await endFinished(deps, now);
  return { invited, reminded, expired, ended };
}

const inProgress = sql`(select c.territory_id, c.id from campaigns c where c.status = 'en_cours')`;

async function markSent(deps: Deps, now: Date): Promise<number> {
  const result = await sql`
    update campaign_recipients r set
      step = case when n.status = 'sent' then 'invitee' else r.step end,
      invited_at = case when n.status = 'sent' then n.sent_at else r.invited_at end,
      delivery = case
        when n.status <> 'sent' or n.delivery = 'invalid_recipient' or r.delivery = 'echec' then 'echec'
        when n.delivery = 'delivered' or r.delivery = 'remis' then 'remis'
        else 'envoye' end,
      updated_at = ${now}
    from notifications n
    where (r.territory_id, r.campaign_id) in ${inProgress}
      and r.step = 'a_envoyer' and r.delivery <> 'echec'
      and n.territory_id = r.territory_id and n.id = r.last_notification_id and n.status <> 'pending'`.execute(
    deps.database.db,
  );
  return Number(result.numAffectedRows ?? 0);
}

const REMINDER_BATCH = 500;

interface Due {
  territory_id: string;
  id: string;
  person_id: string;
  channel: 'sms' | 'email';
  organisation_id: string;
  expires_on: string;
  allow_callback: boolean;
  first_names: string[];
  phone_mobile: string | null;
  email: string | null;
  organisation_name: string;
}

async function sendReminders(deps: Deps, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await deps.database.db.transaction().execute(async (trx) => {
      // Locked and skipped by a second worker: a reminder is queued once, with its step.
      const due = await sql<Due>`
        select r.territory_id, r.id, r.person_id, r.channel, c.organisation_id, c.expires_on, c.allow_callback,
               p.first_names, p.phone_mobile, p.email, o.name as organisation_name
        from campaign_recipients r
        join campaigns c on c.territory_id = r.territory_id and c.id = r.campaign_id
        join persons p on p.territory_id = r.territory_id and p.id = r.person_id
        join organisations o on o.territory_id = c.territory_id and o.id = c.organisation_id
        where c.status = 'en_cours' and r.step = 'invitee' and r.outcome = 'en_attente'
          and r.answered_at is null and r.channel in ('sms', 'email')
          and r.invited_at <= ${now}::timestamptz - make_interval(days => c.reminder_days)
          and r.expires_at > ${now}
        order by r.invited_at, r.id
        limit ${REMINDER_BATCH}
        for update of r skip locked`
        .execute(trx)
        .then((x) => x.rows);
      if (due.length === 0) return 0;
      const reminders: NewNotification[] = [];
      const sentTo: { id: string; notificationId: string | null }[] = [];
      for (const r of due) {
        // The contact as it is now (corrected since?), unless found invalid meanwhile.
        const to = r.channel === 'sms' ? r.phone_mobile?.trim() : r.email?.trim();
        if (!to) {
          sentTo.push({ id: r.id, notificationId: null });
          continue;
        }
        const code = invitationCode(deps.crypto, r.id);
        const text = reminderText({
          prenom: r.first_names[0] ?? '',
          structure: r.organisation_name,
          lien: invitationUrl(code, deps.config.publicUrl),
          expiresOn: r.expires_on,
          allowCallback: r.allow_callback,
        });
        const notificationId = randomUUID();
        reminders.push({
          id: notificationId,
          territoryId: r.territory_id,
          channel: r.channel,
          recipient: to,
          personId: r.person_id,
          subject: reminderSubject(r.organisation_name),
          body: text,
          relatedKind: 'campaign_recipient',
          relatedId: r.id,
        });
        sentTo.push({ id: r.id, notificationId });
      }
      await queueNotifications(trx, reminders, now);
      await sql`
        update campaign_recipients r set step = 'relancee',
          reminded_at = case when v.notification_id is null then r.reminded_at else ${now}::timestamptz end,
          last_notification_id = coalesce(v.notification_id, r.last_notification_id), updated_at = ${now}
        from unnest(${sentTo.map((x) => x.id)}::uuid[], ${sentTo.map((x) => x.notificationId)}::uuid[])
          as v(id, notification_id)
        where r.id = v.id and r.territory_id = any(${[...new Set(due.map((d) => d.territory_id))]}::uuid[])`.execute(
        trx,
      );
      return due.length;
    });
    total += done;
    if (done < REMINDER_BATCH) return total;
  }
}

async function expire(deps: Deps, now: Date): Promise<number> {
  const result = await sql`
    update campaign_recipients r set
      step = 'expiree',
      outcome = case when r.outcome = 'en_attente' then 'sans_reponse' else r.outcome end,
      updated_at = ${now}
    where (r.territory_id, r.campaign_id) in ${inProgress}
      and r.step in ('a_envoyer', 'invitee', 'relancee') and r.expires_at <= ${now}`.execute(
    deps.database.db,
  );
  return Number(result.numAffectedRows ?? 0);
}

async function endFinished(deps: Deps, now: Date): Promise<number> {
  const result = await sql`
    update campaigns c set status = 'terminee', ended_at = ${now}
    where c.status = 'en_cours'
      and not exists (
        select 1 from campaign_recipients r
        where r.territory_id = c.territory_id and r.campaign_id = c.id
          and r.step in ('a_envoyer', 'invitee', 'relancee'))`.execute(deps.database.db);
  return Number(result.numAffectedRows ?? 0);
}
