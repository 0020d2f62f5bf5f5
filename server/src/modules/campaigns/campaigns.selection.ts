import type { CampaignChannel, CampaignSelection } from '@spie/contract/campaigns';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database';

/**
 * Who a campaign reaches: people of the territory (not merged away) with an open alert of the
 * chosen rules — not snoozed, unless asked —, living in the chosen communes, followed by the
 * organisation when one is given. Set-based, driven by the open-alert index.
 */
export interface SelectionScope {
  territoryId: string;
  /** Only people with an active follow-up of this organisation; null: the whole territory. */
  peopleOf: string | null;
  /** Today in France: a snooze « until D » hides the alert until D. */
  today: string;
}

const smsOk = sql`(nullif(btrim(p.phone_mobile), '') is not null and p.phone_invalid_at is null)`;
const emailOk = sql`(nullif(btrim(p.email), '') is not null and p.email_invalid_at is null)`;
const letterOk = sql`(nullif(btrim(p.address_line), '') is not null and (p.postal_code is not null or p.commune_code is not null))`;

/**
 * The preferred channel when its contact data is usable (a number or address not found invalid
 * by a delivery report, a postal address), otherwise the first usable of SMS, e-mail, letter;
 * null when none is.
 */
export const channelSql: RawBuilder<CampaignChannel | null> = sql`case
  when p.preferred_channel = 'sms' and ${smsOk} then 'sms'
  when p.preferred_channel = 'email' and ${emailOk} then 'email'
  when p.preferred_channel = 'letter' and ${letterOk} then 'letter'
  when ${smsOk} then 'sms'
  when ${emailOk} then 'email'
  when ${letterOk} then 'letter'
end`;

/** People with an open alert of the chosen rules (not snoozed unless asked): the `alerts_open_rule` index. */
async function alertedPeople(db: Db, scope: SelectionScope, selection: CampaignSelection): Promise<string[]> {
  const snoozed = selection.includeSnoozed
    ? sql``
    : sql`and (a.snoozed_until is null or a.snoozed_until <= ${scope.today}::date)`;
  const rows = await sql<{ person_id: string }>`
    select distinct a.person_id from alerts a
    where a.territory_id = ${scope.territoryId}::uuid and a.status <> 'resolue'
      and a.rule_id = any(${selection.ruleIds}::text[]) ${snoozed}`.execute(db);
  return rows.rows.map((r) => r.person_id);
}

/**
 * `from … where …` of the selected people, among the alerted ones: found by key, in the
 * communes, followed by the organisation (`follow_ups_organisation` index, per person: `offset 0`
 * keeps it a lookup). Two steps rather than one join, so that the plan stays linear whatever
 * the statistics say (fresh tables on PGlite have none, and a flattened semi-join then
 * degrades into a quadratic scan).
 */
function fromSelected(
  scope: SelectionScope,
  selection: CampaignSelection,
  ids: string[],
): RawBuilder<unknown> {
  const communes =
    selection.communeCodes.length > 0
      ? sql`and p.commune_code = any(${selection.communeCodes}::text[])`
      : sql``;
  const followed = scope.peopleOf
    ? sql`and exists (
        select 1 from follow_ups f
        where f.territory_id = p.territory_id and f.organisation_id = ${scope.peopleOf}::uuid
          and f.person_id = p.id and f.status = 'active'
        offset 0)`
    : sql``;
  return sql`
    from persons p
    where p.territory_id = ${scope.territoryId}::uuid and p.id = any(${ids}::uuid[]) and p.merged_into_id is null
    ${communes}
    ${followed}`;
}

export interface SelectionCounts {
  people: number;
  byChannel: Partial<Record<CampaignChannel, number>>;
  withoutContact: number;
}

export async function countSelection(
  db: Db,
  scope: SelectionScope,
  selection: CampaignSelection,
): Promise<SelectionCounts> {
  const ids = await alertedPeople(db, scope, selection);
  if (ids.length === 0) return { people: 0, byChannel: {}, withoutContact: 0 };
  const rows = await sql<{ channel: CampaignChannel | null; n: number }>`
    select ${channelSql} as channel, count(*)::int as n
    ${fromSelected(scope, selection, ids)}
    group by 1`
    .execute(db)
    .then((r) => r.rows);
  const byChannel: Partial<Record<CampaignChannel, number>> = {};
  let people = 0;
  let withoutContact = 0;
  for (const r of rows) {
    people += Number(r.n);
    if (r.channel) byChannel[r.channel] = Number(r.n);
    else withoutContact += Number(r.n);
  }
  return { people, byChannel, withoutContact };
}

export interface SelectedPerson {
  id: string;
  first_names: string[];
  birth_name: string;
  usage_name: string | null;
  channel: CampaignChannel | null;
  phone_mobile: string | null;
  email: string | null;
  address_line: string | null;
  postal_code: string | null;
  commune_name: string | null;
}

/** The people themselves (at most `limit`), with what their message needs. */
export async function selectPeople(
  db: Db,
  scope: SelectionScope,
  selection: CampaignSelection,
  limit: number,
): Promise<SelectedPerson[]> {
  const ids = await alertedPeople(db, scope, selection);
  if (ids.length === 0) return [];
  return sql<SelectedPerson>`
    select p.id, p.first_names, p.birth_name, p.usage_name, ${channelSql} as channel,
           p.phone_mobile, p.email, p.address_line, p.postal_code,
           (select c.name from communes c where c.code = p.commune_code) as commune_name
    ${fromSelected(scope, selection, ids)}
    order by p.id
    limit ${limit}`
    .execute(db)
    .then((r) => r.rows);
}
