import type { AppointmentMode, AppointmentType } from '@spie/contract/appointments';
import {
  type Campaign,
  type CampaignChannel,
  type campaignCounts,
  campaignSelection,
  type campaignSummary,
} from '@spie/contract/campaigns';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { CampaignRow } from './campaigns.access';
import { toParisLocal } from './campaigns.time';

type Counts = z.infer<typeof campaignCounts>;
type Summary = z.infer<typeof campaignSummary>;
type Trx = Transaction<DB>;

const zero = (): Counts => ({
  people: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  reminded: 0,
  answered: 0,
  callbacks: 0,
  booked: 0,
  honoured: 0,
  unreachable: 0,
  noAnswer: 0,
  convoked: 0,
});
const COUNT_KEYS = Object.keys(zero()) as (keyof Counts)[];

/**
 * The report's figures, per campaign and channel, in one grouped pass over the recipients:
 * sent (the invitation went out), delivered / failed (delivery reports), reminded, answered (a
 * slot or a call back), appointments booked from the link and honoured, unreachable, no answer,
 * convoked.
 */
export async function countsByCampaign(trx: Trx, territoryId: string, campaignIds: string[]) {
  const result = new Map<string, { total: Counts; byChannel: Map<CampaignChannel, Counts> }>();
  if (campaignIds.length === 0) return result;
  const rows = await sql<{ campaign_id: string; channel: CampaignChannel | null } & Counts>`
    select campaign_id, channel,
      count(*)::int as "people",
      count(*) filter (where invited_at is not null)::int as "sent",
      count(*) filter (where delivery = 'remis')::int as "delivered",
      count(*) filter (where delivery = 'echec')::int as "failed",
      count(*) filter (where reminded_at is not null)::int as "reminded",
      count(*) filter (where answered_at is not null)::int as "answered",
      count(*) filter (where answer = 'rappel')::int as "callbacks",
      count(*) filter (where answer = 'creneau')::int as "booked",
      count(*) filter (where outcome = 'rendez_vous_honore')::int as "honoured",
      count(*) filter (where outcome = 'injoignable')::int as "unreachable",
      count(*) filter (where outcome = 'sans_reponse')::int as "noAnswer",
      count(*) filter (where convoked_at is not null)::int as "convoked"
    from campaign_recipients
    where territory_id = ${territoryId}::uuid and campaign_id = any(${campaignIds}::uuid[])
    group by campaign_id, channel`.execute(trx);
  for (const r of rows.rows) {
    const entry = result.get(r.campaign_id) ?? { total: zero(), byChannel: new Map() };
    const counts = zero();
    for (const k of COUNT_KEYS) {
      counts[k] = Number(r[k]);
      entry.total[k] += counts[k];
    }
    if (r.channel) entry.byChannel.set(r.channel, counts);
    result.set(r.campaign_id, entry);
  }
  return result;
}

type CountsMap = Awaited<ReturnType<typeof countsByCampaign>>;

export async function summaries(
  trx: Trx,
  territoryId: string,
  rows: CampaignRow[],
  known?: CountsMap,
): Promise<Summary[]> {
  if (rows.length === 0) return [];
  const counts =
    known ??
    (await countsByCampaign(
      trx,
      territoryId,
      rows.map((r) => r.id),
    ));
  const names = await trx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('territory_id', '=', territoryId)
    .where('id', 'in', [...new Set(rows.map((r) => r.organisation_id))])
    .execute()
    .then((rs) => new Map(rs.map((o) => [o.id, o.name])));
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', [...new Set(rows.map((r) => r.created_by_account_id))])
    .execute()
    .then((rs) => new Map(rs.map((a) => [a.id, `${a.first_name} ${a.last_name}`])));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status as Summary['status'],
    organisation: { id: r.organisation_id, name: names.get(r.organisation_id) ?? '' },
    createdBy: { accountId: r.created_by_account_id, name: accounts.get(r.created_by_account_id) ?? '' },
    launchedAt: r.launched_at.toISOString(),
    expiresOn: r.expires_on,
    counts: counts.get(r.id)?.total ?? zero(),
  }));
}

/** The campaign with its report by channel and its slots (places booked). */
export async function campaignView(trx: Trx, row: CampaignRow): Promise<Campaign> {
  const t = row.territory_id;
  const counts = await countsByCampaign(trx, t, [row.id]);
  const [summary] = await summaries(trx, t, [row], counts);
  const slots = await trx
    .selectFrom('campaign_slots as s')
    .innerJoin('accounts as a', 'a.id', 's.professional_account_id')
    .select([
      's.id',
      's.starts_at',
      's.duration_minutes',
      's.mode',
      's.address',
      's.capacity',
      's.booked',
      's.professional_account_id',
      'a.first_name',
      'a.last_name',
    ])
    .where('s.territory_id', '=', t)
    .where('s.campaign_id', '=', row.id)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
  const letters = await trx
    .selectFrom('campaign_recipients')
    .select('id')
    .where('territory_id', '=', t)
    .where('campaign_id', '=', row.id)
    .where('channel', '=', 'letter')
    .where('last_notification_id', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const byChannel = counts.get(row.id)?.byChannel ?? new Map<CampaignChannel, Counts>();
  return {
    ...(summary as Summary),
    selection: campaignSelection.parse(row.selection),
    message: row.message,
    appointmentType: row.appointment_type as AppointmentType,
    allowCallback: row.allow_callback,
    reminderDays: row.reminder_days,
    expiryDays: row.expiry_days,
    slots: slots.map((s) => ({
      id: s.id,
      startsAt: new Date(s.starts_at).toISOString(),
      startsAtLocal: toParisLocal(new Date(s.starts_at)),
      durationMinutes: s.duration_minutes,
      mode: s.mode as AppointmentMode,
      address: s.address,
      capacity: s.capacity,
      booked: s.booked,
      professional: { accountId: s.professional_account_id, name: `${s.first_name} ${s.last_name}` },
    })),
    byChannel: (['sms', 'email', 'letter'] as const)
      .filter((c) => byChannel.has(c))
      .map((channel) => ({ channel, ...(byChannel.get(channel) as Counts) })),
    lettersPdfAvailable: letters !== undefined,
  };
}
