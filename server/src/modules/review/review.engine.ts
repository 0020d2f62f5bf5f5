import { type AlertRuleId, alertRuleById, alertRules, effectiveRuleParams } from '@spie/contract/review';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { parisToday } from '../people';
import { loadTerritory } from '../territories';
import { type RuleContext, type RuleQuery, ruleQueries } from './rules';

export interface EvaluationResult {
  opened: number;
  resolved: number;
}

/** The territory's settings and each rule's effective parameters. */
export async function territoryRuleSettings(db: Db, territoryId: string) {
  const { settings } = await loadTerritory(db, territoryId);
  const paramsOf = (ruleId: AlertRuleId) => effectiveRuleParams(alertRuleById[ruleId], settings);
  return { settings, paramsOf };
}

/** Rules that an event re-evaluates for its person (none given: all of them). */
export function rulesTriggeredBy(eventType?: string): AlertRuleId[] {
  return alertRules.filter((r) => !eventType || r.triggers.includes(eventType)).map((r) => r.id);
}

/**
 * Evaluates rules for a territory (all its people, or only `personIds`):
 * - new episodes are inserted (`on conflict do nothing` on the episode key: an episode that was
 *   already raised, even resolved since, is never raised again), each with an `ouverte` history row;
 * - open alerts of the rule (of the people in scope) whose episode no longer matches are resolved,
 *   with a `resolue` history row: `remplacee` when « sans contact » gives way to « perdu·e de vue »,
 *   `suivi_termine` when a rule about followed people stops because nobody is référent any more,
 *   else `condition_levee`.
 * Rules run in `ruleQueries` order (« perdu·e de vue » first, so the replacement is seen).
 *
 * Two ways, the same outcome:
 * - everyone (nightly pass): one statement per rule doing all of it in SQL; each commits on its
 *   own when `db` is not a transaction, so a full pass never holds the (single, on PGlite)
 *   connection in one long transaction;
 * - some people (after an event): one read of every triggered rule and of their open alerts,
 *   the difference in memory, and writes only when something changed (most events change
 *   nothing) — a few milliseconds, where planning the full statements would cost more.
 */
export async function evaluate(
  db: Db,
  territoryId: string,
  ruleIds: readonly AlertRuleId[],
  personIds: string[] | null,
  now: Date,
  options: { refreshReferents?: boolean } = {},
): Promise<EvaluationResult> {
  const total = { opened: 0, resolved: 0 };
  if (ruleIds.length === 0 || (personIds && personIds.length === 0)) return total;
  const { settings, paramsOf } = await territoryRuleSettings(db, territoryId);
  const today = parisToday(now);
  const ids = personIds ? [...new Set(personIds)] : null;
  const rules = ruleQueries.filter((r) => ruleIds.includes(r.id));
  const contextOf = (rule: RuleQuery): RuleContext => ({
    territoryId,
    personIds: ids,
    today,
    now,
    params: paramsOf(rule.id),
    paramsOf,
    settings,
  });
  const refresh = options.refreshReferents ?? ids === null;
  if (ids) {
    const scoped = async (trx: Db) => {
      if (refresh) await refreshReferents(trx, territoryId, ids);
      return evaluateScoped(trx, territoryId, rules, ids, contextOf, now);
    };
    return db.isTransaction ? scoped(db) : db.transaction().execute(scoped);
  }
  if (refresh) await refreshReferents(db, territoryId, null);
  for (const rule of rules) {
    const r = await evaluateRule(db, rule, contextOf(rule));
    total.opened += r.opened;
    total.resolved += r.resolved;
  }
  return total;
}

/**
 * Keeps the référent unique (organisation, account) of open alerts current: the managers'
 * counts by organisation and by référent read them (index `alerts_open_referent`). A new alert
 * gets them when inserted; a change of référent (team events, nightly pass) updates the others.
 */
export async function refreshReferents(
  db: Db,
  territoryId: string,
  personIds: string[] | null,
): Promise<void> {
  const t = territoryId;
  await sql`
    with cur as (
      select a.id, rf.organisation_id, rf.account_id
      from alerts a
      left join follow_ups rf on rf.territory_id = a.territory_id and rf.person_id = a.person_id
        and rf.role = 'referent' and rf.status = 'active'
      where a.territory_id = ${t} and a.status <> 'resolue'
        ${personIds ? sql`and a.person_id = any(${personIds}::uuid[])` : sql``}
        and (a.referent_organisation_id is distinct from rf.organisation_id
          or a.referent_account_id is distinct from rf.account_id)
    )
    update alerts a set referent_organisation_id = cur.organisation_id, referent_account_id = cur.account_id
    from cur
    where a.territory_id = ${t} and a.id = cur.id`.execute(db);
}

/** The référent unique of the person of an inserted alert (`alias.person_id`). */
const referentJoin = (t: string, alias: string) =>
  sql`left join follow_ups rf on rf.territory_id = ${t} and rf.person_id = ${sql.ref(`${alias}.person_id`)}
    and rf.role = 'referent' and rf.status = 'active'`;

/** How an alert that no longer matches is resolved (`g`: rows with id, rule_id, person_id). */
function resolutionOf(territoryId: string, ruleId: unknown, requiresFollowed: unknown) {
  const t = territoryId;
  return sql`case
    when ${ruleId}::text = 'no_contact' and exists (select 1 from alerts l where l.territory_id = ${t}
      and l.person_id = g.person_id and l.rule_id = 'lost_contact' and l.status <> 'resolue') then 'remplacee'
    when ${requiresFollowed} and not exists (select 1 from follow_ups f where f.territory_id = ${t}
      and f.person_id = g.person_id and f.role = 'referent' and f.status = 'active') then 'suivi_termine'
    else 'condition_levee' end`;
}

interface ScopedRow {
  rule_id: string;
  person_id: string;
  episode_key: string;
  since: string | null;
  details: unknown;
  alert_id: string | null;
}

async function evaluateScoped(
  db: Db,
  territoryId: string,
  rules: readonly RuleQuery[],
  personIds: string[],
  contextOf: (rule: RuleQuery) => RuleContext,
  now: Date,
): Promise<EvaluationResult> {
  const t = territoryId;
  const parts = rules.map(
    (rule) => sql`select ${rule.id}::text as rule_id, x.person_id, x.episode_key, x.since::text as since,
      x.details::jsonb as details, null::uuid as alert_id
      from (${rule.query(contextOf(rule))}) x`,
  );
  const open = sql`select a.rule_id, a.person_id, a.episode_key, null::text, null::jsonb, a.id
    from alerts a
    where a.territory_id = ${t} and a.person_id = any(${personIds}::uuid[]) and a.status <> 'resolue'
      and a.rule_id = any(${rules.map((r) => r.id)}::text[])`;
  const rows = (await sql<ScopedRow>`${sql.join([...parts, open], sql` union all `)}`.execute(db)).rows;
  const key = (r: ScopedRow) => `${r.rule_id}|${r.person_id}|${r.episode_key}`;
  const openKeys = new Set(rows.filter((r) => r.alert_id !== null).map(key));
  const matchKeys = new Set(rows.filter((r) => r.alert_id === null).map(key));
  const fresh = new Map<string, ScopedRow>();
  for (const r of rows) if (r.alert_id === null && !openKeys.has(key(r))) fresh.set(key(r), r);
  const gone = rows.filter((r) => r.alert_id !== null && !matchKeys.has(key(r)));
  let opened = 0;
  let resolved = 0;
  if (fresh.size > 0) {
    const values = [...fresh.values()].map(
      (r) => sql`(${r.person_id}::uuid, ${r.rule_id}::text, ${r.episode_key}::text,
        ${alertRuleById[r.rule_id as AlertRuleId].severity}::text, ${JSON.stringify(r.details ?? {})}::jsonb, ${r.since}::date)`,
    );
    const inserted = await sql<{ id: string }>`
      with v (person_id, rule_id, episode_key, severity, details, since) as (values ${sql.join(values)}),
      ins as (
        insert into alerts (territory_id, person_id, rule_id, episode_key, severity, details, since, opened_at, updated_at,
          referent_organisation_id, referent_account_id)
        select ${t}::uuid, v.person_id, v.rule_id, v.episode_key, v.severity, v.details, v.since,
          ${now}::timestamptz, ${now}::timestamptz, rf.organisation_id, rf.account_id
        from v
        ${referentJoin(t, 'v')}
        on conflict (territory_id, rule_id, person_id, episode_key) do nothing
        returning id
      )
      insert into alert_history (territory_id, alert_id, at, action)
      select ${t}::uuid, ins.id, ${now}::timestamptz, 'ouverte' from ins
      returning alert_id as id`.execute(db);
    opened = inserted.rows.length;
  }
  if (gone.length > 0) {
    const requires = new Set(rules.filter((r) => r.requiresFollowed).map((r) => r.id as string));
    const values = gone.map(
      (r) =>
        sql`(${r.alert_id}::uuid, ${r.rule_id}::text, ${r.person_id}::uuid, ${requires.has(r.rule_id)}::boolean)`,
    );
    const done = await sql<{ id: string }>`
      with g (id, rule_id, person_id, requires_followed) as (values ${sql.join(values)}),
      r as (
        update alerts a
        set status = 'resolue', resolved_at = ${now}, updated_at = ${now},
          resolution = ${resolutionOf(t, sql.ref('g.rule_id'), sql.ref('g.requires_followed'))}
        from g
        where a.territory_id = ${t} and a.id = g.id and a.status <> 'resolue'
        returning a.id
      )
      insert into alert_history (territory_id, alert_id, at, action)
      select ${t}::uuid, r.id, ${now}::timestamptz, 'resolue' from r
      returning alert_id as id`.execute(db);
    resolved = done.rows.length;
  }
  return { opened, resolved };
}

async function evaluateRule(db: Db, rule: RuleQuery, c: RuleContext): Promise<EvaluationResult> {
  const result = await evaluationStatement(rule, c).execute(db);
  const row = result.rows[0];
  return { opened: Number(row?.opened ?? 0), resolved: Number(row?.resolved ?? 0) };
}

/** The one statement that evaluates a rule (exported for EXPLAIN in benchmarks). */
export function evaluationStatement(rule: RuleQuery, c: RuleContext) {
  const t = c.territoryId;
  const severity = alertRuleById[rule.id].severity;
  const inScope = c.personIds ? sql`and a.person_id = any(${c.personIds}::uuid[])` : sql``;
  const resolution = resolutionOf(t, rule.id, sql.lit(rule.requiresFollowed));
  // CTEs are materialized on purpose: each set is computed once, and the planner cannot push a
  // join with `alerts` under an anti-join (a full pass would then probe every open alert).
  return sql<{ opened: number; resolved: number }>`
    with m as materialized (${rule.query(c)}),
    o as materialized (
      select a.id, a.person_id, a.episode_key from alerts a
      where a.territory_id = ${t} and a.rule_id = ${rule.id} and a.status <> 'resolue' ${inScope}
    ),
    g as materialized (
      select o.id, o.person_id from o
      where not exists (select 1 from m where m.person_id = o.person_id and m.episode_key = o.episode_key)
    ),
    r as (
      update alerts a
      set status = 'resolue', resolved_at = ${c.now}, updated_at = ${c.now}, resolution = ${resolution}
      from g
      where a.territory_id = ${t} and a.id = g.id and a.status <> 'resolue'
      returning a.id
    ),
    ins as (
      -- Only episodes not open already; one resolved before stays resolved (the conflict).
      insert into alerts (territory_id, person_id, rule_id, episode_key, severity, details, since, opened_at, updated_at,
        referent_organisation_id, referent_account_id)
      select ${t}::uuid, m.person_id, ${rule.id}::text, m.episode_key, ${severity}::text, m.details, m.since,
        ${c.now}::timestamptz, ${c.now}::timestamptz, rf.organisation_id, rf.account_id
      from m
      ${referentJoin(t, 'm')}
      where not exists (select 1 from o where o.person_id = m.person_id and o.episode_key = m.episode_key)
      on conflict (territory_id, rule_id, person_id, episode_key) do nothing
      returning id
    ),
    h as (
      insert into alert_history (territory_id, alert_id, at, action)
      select ${t}::uuid, ins.id, ${c.now}::timestamptz, 'ouverte' from ins
      union all
      select ${t}::uuid, r.id, ${c.now}::timestamptz, 'resolue' from r
    )
    select (select count(*) from ins)::int as opened, (select count(*) from r)::int as resolved`;
}
