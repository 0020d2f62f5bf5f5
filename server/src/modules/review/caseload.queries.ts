import {
  type AlertRuleId,
  type AlertSeverity,
  type AlertStatus,
  alertRuleById,
  alertRuleIds,
  type caseloadRow,
} from '@spie/contract/review';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { MemberActor } from '../../kernel/actor';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import { escapeLike } from '../../kernel/sqlText';
import { displayName } from '../people';
import { alertDetailText } from './review.detail';

export interface CaseloadFilter {
  ruleId?: AlertRuleId | undefined;
  severity?: AlertSeverity | undefined;
  show: 'alertes' | 'tous' | 'reportees';
  communeCode?: string | undefined;
  q?: string | undefined;
}

type CaseloadRow = z.infer<typeof caseloadRow>;

export interface CaseloadPage {
  items: CaseloadRow[];
  next: string | null;
  total: number;
  countsByRule: { ruleId: AlertRuleId; label: string; count: number }[];
  withAlerts: number;
  snoozed: number;
}

interface PageRow {
  total: number;
  counts: Record<string, number> | null;
  with_alerts: number;
  snoozed: number;
  person_id: string | null;
  role_rank: number;
  top_rank: number;
  neg_n: number;
  oldest: string;
}

const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * « Ma file active »: the people the caller follows as référent or co-référent (their own active
 * follow-ups in the organisation they act for), with the open alerts to show: not snoozed (snoozed
 * until a later day), or only the snoozed ones for `reportees`. A few hundred people at most, in
 * two statements: (1) the aggregates of the whole caseload (from `follow_ups_account` and
 * `alerts_open_person`), the filtered total, the counts by rule and one page of people in
 * urgency order; (2) the details of that page (names, communes, alerts, next review).
 *
 * Urgency order: the most severe alert first, then the number of alerts, then the oldest (`since`).
 * `limit` null: every row (the CSV export).
 */
export async function caseloadPage(
  db: Db,
  actor: MemberActor,
  today: string,
  periodDays: number,
  f: CaseloadFilter,
  page: { after?: string | undefined; limit: number | null },
): Promise<CaseloadPage> {
  const t = actor.territoryId;
  const cursor = decodeCursor(
    page.after,
    4,
    (v) => Number.isInteger(v[0]) && Number.isInteger(v[1]) && isDay(v[2]) && isUuidValue(v[3]),
  );
  const shown = f.show === 'reportees' ? sql`al.snoozed` : sql`not al.snoozed`;
  const conditions: RawBuilder<unknown>[] = [];
  if (f.show !== 'tous') conditions.push(sql`agg.n > 0`);
  if (f.ruleId) conditions.push(sql`agg.rule_n > 0`);
  if (f.severity) conditions.push(sql`agg.severity_n > 0`);
  if (f.communeCode) conditions.push(sql`p.commune_code = ${f.communeCode}`);
  if (f.q) {
    // Any word of the name starting with what was typed, accents and case ignored.
    conditions.push(sql`(' ' || p.search_text) like '% ' || spie_unaccent(lower(${escapeLike(f.q)})) || '%'`);
  }
  const rows = await sql<PageRow>`
    with cl as (
      select f.person_id, min(case f.role when 'referent' then 0 else 1 end) as role_rank
      from follow_ups f
      where f.account_id = ${actor.accountId} and f.territory_id = ${t} and f.status = 'active'
        and f.organisation_id = ${actor.organisationId} and f.role in ('referent', 'co_referent')
        and f.person_id not in (
          select mp.id from persons mp where mp.territory_id = ${t} and mp.merged_into_id is not null)
      group by f.person_id
    ),
    al as materialized (
      select a.person_id, a.rule_id, a.severity, a.since,
        coalesce(a.snoozed_until > ${today}::date, false) as snoozed
      from alerts a
      join cl on cl.person_id = a.person_id
      where a.territory_id = ${t} and a.status <> 'resolue'
    ),
    agg as (
      select cl.person_id, cl.role_rank,
        coalesce(min(case al.severity when 'haute' then 0 when 'moyenne' then 1 else 2 end) filter (where ${shown}), 3) as top_rank,
        count(al.rule_id) filter (where ${shown}) as n,
        coalesce(min(al.since) filter (where ${shown}), '9999-12-31'::date) as oldest,
        count(al.rule_id) filter (where ${shown} and al.rule_id = ${f.ruleId ?? ''}) as rule_n,
        count(al.rule_id) filter (where ${shown} and al.severity = ${f.severity ?? ''}) as severity_n
      from cl
      left join al on al.person_id = cl.person_id
      group by cl.person_id, cl.role_rank
    ),
    filtered as materialized (
      select agg.person_id, agg.role_rank, agg.top_rank::int as top_rank, -agg.n::int as neg_n,
        to_char(agg.oldest, 'YYYY-MM-DD') as oldest
      from agg
      join persons p on p.territory_id = ${t} and p.id = agg.person_id
      ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
    ),
    summary as (
      select (select count(*) from filtered)::int as total,
        (select json_object_agg(x.rule_id, x.n) from (
          select al.rule_id, count(*)::int as n from al where not al.snoozed group by al.rule_id) x) as counts,
        (select count(distinct al.person_id) from al where not al.snoozed)::int as with_alerts,
        (select count(distinct al.person_id) from al where al.snoozed)::int as snoozed
    )
    select s.total, s.counts, s.with_alerts, s.snoozed, pg.*
    from summary s
    left join lateral (
      select * from filtered x
      ${cursor ? sql`where (x.top_rank, x.neg_n, x.oldest, x.person_id) > (${cursor[0]}::int, ${cursor[1]}::int, ${cursor[2]}, ${cursor[3]}::uuid)` : sql``}
      order by x.top_rank, x.neg_n, x.oldest, x.person_id
      ${page.limit !== null ? sql`limit ${page.limit + 1}` : sql``}
    ) pg on true
    order by pg.top_rank, pg.neg_n, pg.oldest, pg.person_id`
    .execute(db)
    .then((r) => r.rows);
  const head = rows[0];
  const people = rows.filter((r) => r.person_id !== null);
  const pageRows = page.limit !== null ? people.slice(0, page.limit) : people;
  const last = pageRows[pageRows.length - 1];
  const counts = head?.counts ?? {};
  return {
    items: await caseloadDetails(db, actor, today, periodDays, f, pageRows),
    next:
      page.limit !== null && people.length > page.limit && last
        ? encodeCursor([last.top_rank, last.neg_n, last.oldest, last.person_id as string])
        : null,
    total: Number(head?.total ?? 0),
    countsByRule: alertRuleIds
      .filter((id) => (counts[id] ?? 0) > 0)
      .map((id) => ({ ruleId: id, label: alertRuleById[id].label, count: Number(counts[id]) })),
    withAlerts: Number(head?.with_alerts ?? 0),
    snoozed: Number(head?.snoozed ?? 0),
  };
}

interface DetailRow {
  id: string;
  first_names: string[];
  birth_name: string;
  usage_name: string | null;
  commune: string | null;
  last_contact_at: Date | null;
  due: string | null;
  alerts: {
    id: string;
    rule_id: AlertRuleId;
    severity: AlertSeverity;
    status: AlertStatus;
    details: unknown;
    since: string | null;
    next_step_on: string | null;
    snoozed_until: string | null;
  }[];
}

const severityOrder: Record<AlertSeverity, number> = { haute: 0, moyenne: 1, basse: 2 };

/** The page's people in one statement: name, commune, last contact, next review, open alerts. */
async function caseloadDetails(
  db: Db,
  actor: MemberActor,
  today: string,
  periodDays: number,
  f: CaseloadFilter,
  rows: PageRow[],
): Promise<CaseloadRow[]> {
  if (rows.length === 0) return [];
  const t = actor.territoryId;
  const ids = rows.map((r) => r.person_id as string);
  const details = await sql<DetailRow>`
    select p.id, p.first_names, p.birth_name, p.usage_name, c.name as commune, p.last_contact_at,
      (coalesce(
        (select max(r.reviewed_on) from situation_reviews r where r.territory_id = ${t} and r.person_id = p.id),
        (select (coalesce(rf.started_at, rf.created_at) at time zone 'Europe/Paris')::date from follow_ups rf
          where rf.territory_id = ${t} and rf.person_id = p.id and rf.role = 'referent' and rf.status = 'active')
      ) + ${periodDays}::int)::text as due,
      coalesce((
        select json_agg(json_build_object('id', a.id, 'rule_id', a.rule_id, 'severity', a.severity,
          'status', a.status, 'details', a.details, 'since', a.since, 'next_step_on', a.next_step_on,
          'snoozed_until', a.snoozed_until))
        from alerts a
        where a.territory_id = ${t} and a.person_id = p.id and a.status <> 'resolue'
          and ${f.show === 'reportees' ? sql`` : sql`not`} coalesce(a.snoozed_until > ${today}::date, false)
      ), '[]') as alerts
    from persons p
    left join communes c on c.code = p.commune_code
    where p.territory_id = ${t} and p.id = any(${ids}::uuid[])`
    .execute(db)
    .then((r) => new Map(r.rows.map((d) => [d.id, d])));
  return rows.map((r) => {
    const d = details.get(r.person_id as string);
    const alerts = (d?.alerts ?? [])
      .sort(
        (a, b) =>
          severityOrder[a.severity] - severityOrder[b.severity] ||
          (a.since ?? '9999').localeCompare(b.since ?? '9999') ||
          a.rule_id.localeCompare(b.rule_id),
      )
      .map((a) => ({
        id: a.id,
        ruleId: a.rule_id,
        label: alertRuleById[a.rule_id].label,
        severity: a.severity,
        status: a.status,
        detail: alertDetailText(a.rule_id, a.details, today),
        nextStepOn: a.next_step_on,
        snoozedUntil: a.snoozed_until,
      }));
    return {
      personId: r.person_id as string,
      displayName: d ? displayName(d) : '',
      commune: d?.commune ?? null,
      role: r.role_rank === 0 ? 'referent' : 'co_referent',
      alerts,
      topSeverity: alerts[0]?.severity ?? null,
      lastContactAt: d?.last_contact_at ? new Date(d.last_contact_at).toISOString() : null,
      reviewDueOn: d?.due ?? null,
    };
  });
}
