import { type RawBuilder, sql } from 'kysely';
import { addDays } from '../../people';
import { notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/** The Monday of the ISO week holding `isoDate`. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

const list = (items: RawBuilder<unknown>[]) => sql.join(items, sql`, `);

/**
 * « Activité en dessous du plan »: for each of the last N complete weeks of the contract in force,
 * the hours done are below the hours expected, and something was expected. Expected hours of a
 * week (as on the contract's activity page): the planned hours of the actions running that week
 * (not abandoned nor cancelled), within the week's target (the contract's weekly target, or the
 * adjustment covering the week: a reduction's hours, 0 for a waiver; 0 outside the contract).
 *
 * Set-based, one column per week (N is small): the actions of the contracts in force, the
 * adjustments and the hours of those N weeks are each read once and grouped, then joined — no
 * query per contract and week. The hours of a week come from `weekly_hours_week`.
 *
 * The episode is the streak: it keeps the key of the open alert of the same contract while the
 * streak lasts (so it is not raised again each week), else `<contract>:<first week>`.
 */
export const activityBelowPlan: RuleQuery = {
  id: 'activity_below_plan',
  requiresFollowed: false,
  query: (c) => {
    const n = c.params.weeks ?? 3;
    const lastWeek = addDays(mondayOf(c.today), -7);
    const firstWeek = addDays(lastWeek, -7 * (n - 1));
    const weeks = Array.from({ length: n }, (_, i) => addDays(firstWeek, 7 * i));
    const t = c.territoryId;
    const col = (prefix: string, i: number) => sql.ref(`${prefix}${i}`);
    const runs = (w: string) =>
      sql`a.planned_start <= ${w}::date + 6
        and (coalesce(a.planned_end, ac.end_on) is null or coalesce(a.planned_end, ac.end_on) >= ${w}::date)`;
    const inContract = (w: string) =>
      sql`(ac.start_on is null or ac.start_on <= ${w}::date + 6) and (ac.end_on is null or ac.end_on >= ${w}::date)`;
    const expected = (w: string, i: number) =>
      sql`least(coalesce(pl.${col('p', i)}, 0),
        case when ${inContract(w)} then coalesce(adj.${col('t', i)}, ac.weekly_target_hours) else 0 end)`;
    return sql<RuleMatch>`
      with ac as materialized (
        select ec.id, ec.person_id, ec.start_on, ec.end_on, ec.weekly_target_hours
        from engagement_contracts ec
        where ec.territory_id = ${t} and ec.kind = 'engagement' and ec.status in ('actif', 'en_revision')
          and (ec.start_on is null or ec.start_on <= ${lastWeek}::date + 6)
          and (ec.end_on is null or ec.end_on >= ${firstWeek}::date)
          ${personFilter(c, 'ec.person_id')} ${notMerged(c, 'ec.person_id')}
      ),
      pl as (
        select a.contract_id,
          ${list(weeks.map((w, i) => sql`sum(a.planned_weekly_hours) filter (where ${runs(w)}) as ${col('p', i)}`))}
        from ac
        join contract_actions a on a.territory_id = ${t} and a.contract_id = ac.id
        where a.status not in ('abandonnee_personne', 'annulee_structure') and a.planned_start <= ${lastWeek}::date + 6
        group by a.contract_id
      ),
      adj as (
        select x.contract_id,
          ${list(
            weeks.map(
              (w, i) => sql`(array_agg(case when x.kind = 'dispense' then 0 else x.hours end
                order by x.start_on desc, x.recorded_at desc)
                filter (where x.start_on <= ${w}::date + 6 and x.end_on >= ${w}::date))[1] as ${col('t', i)}`,
            ),
          )}
        from ac
        join activity_adjustments x on x.territory_id = ${t} and x.contract_id = ac.id
        where x.start_on <= ${lastWeek}::date + 6 and x.end_on >= ${firstWeek}::date
        group by x.contract_id
      ),
      dn as (
        select h.person_id,
          ${list(weeks.map((w, i) => sql`sum(h.hours) filter (where h.week_start = ${w}::date) as ${col('d', i)}`))}
        from weekly_hours h
        where h.territory_id = ${t} and h.week_start between ${firstWeek}::date and ${lastWeek}::date
          ${personFilter(c, 'h.person_id')}
        group by h.person_id
      ),
      wk as (
        select ac.id, ac.person_id,
          ${list(weeks.map((w, i) => sql`${expected(w, i)} as ${col('e', i)}, coalesce(dn.${col('d', i)}, 0) as ${col('d', i)}`))}
        from ac
        left join pl on pl.contract_id = ac.id
        left join adj on adj.contract_id = ac.id
        left join dn on dn.person_id = ac.person_id
      )
      select wk.person_id,
        coalesce(
          (select al.episode_key from alerts al
            where al.territory_id = ${t} and al.rule_id = 'activity_below_plan'
              and al.person_id = wk.person_id and al.status <> 'resolue'
              and al.episode_key like wk.id::text || ':%'
            limit 1),
          wk.id::text || ':' || ${firstWeek}) as episode_key,
        ${firstWeek}::date as since,
        jsonb_build_object('contractId', wk.id, 'weeks', jsonb_build_array(
          ${list(
            weeks.map(
              (w, i) =>
                sql`jsonb_build_object('weekStart', ${w}::text, 'expected', wk.${col('e', i)}, 'done', wk.${col('d', i)})`,
            ),
          )})) as details
      from wk
      where ${sql.join(
        weeks.map((_, i) => sql`(wk.${col('e', i)} > 0 and wk.${col('d', i)} < wk.${col('e', i)})`),
        sql` and `,
      )}`;
  },
};
