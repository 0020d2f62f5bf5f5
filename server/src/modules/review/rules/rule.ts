import type { AlertRuleId } from '@spie/contract/review';
import type { TerritorySettings } from '@spie/contract/territories';
import { type RawBuilder, sql } from 'kysely';

/**
 * What a rule's query is given: the territory, the people in scope (null = everyone), France's
 * calendar day, and the territory's effective parameters of every rule (a rule may read another's,
 * e.g. « sans contact » stops where « perdu·e de vue » begins).
 */
export interface RuleContext {
  territoryId: string;
  personIds: string[] | null;
  /** Today in France, 'YYYY-MM-DD'. */
  today: string;
  now: Date;
  params: Record<string, number>;
  paramsOf: (ruleId: AlertRuleId) => Record<string, number>;
  settings: TerritorySettings;
}

/**
 * One alert rule as a set-based query. The query returns one row per matching episode:
 * `person_id uuid, episode_key text, since date, details jsonb` — `details` holds the facts from
 * which the French detail text is written (dates, counts, labels of the plan; no free text).
 */
export interface RuleQuery {
  id: AlertRuleId;
  /**
   * The rule only concerns people followed by a référent unique: when it stops matching because
   * the person has no active référent any more, the alert is resolved as `suivi_termine`.
   */
  requiresFollowed: boolean;
  query: (c: RuleContext) => RawBuilder<RuleMatch>;
}

export interface RuleMatch {
  person_id: string;
  episode_key: string;
  since: string | null;
  details: Record<string, unknown>;
}

/** `and <column> = any(ids)` when the evaluation is restricted to some people. */
export const personFilter = (c: RuleContext, column: string) =>
  c.personIds ? sql`and ${sql.ref(column)} = any(${c.personIds}::uuid[])` : sql``;

/** A calendar day as a SQL date. */
export const day = (isoDate: string) => sql`${isoDate}::date`;

/** Midnight in France at the start of a calendar day: compares timestamps to days with an index. */
export const dayStart = (isoDate: string) => sql`(${isoDate}::date::timestamp at time zone 'Europe/Paris')`;

/** The calendar day in France of a timestamp column. */
export const parisDayOf = (column: string) => sql`(${sql.ref(column)} at time zone 'Europe/Paris')::date`;

/**
 * Leaves out records merged into another (the kept record carries the journey). Merged records
 * are few: the subquery reads them from the partial index `persons_merged_into` and is hashed,
 * so a full pass never reads the 100,000 persons rows just to check this.
 */
export const notMerged = (c: RuleContext, column: string) =>
  sql`and ${sql.ref(column)} not in (
    select mp.id from persons mp where mp.territory_id = ${c.territoryId} and mp.merged_into_id is not null)`;

/**
 * People followed by a référent unique (active follow-up with role `referent`), records merged
 * into another excluded. Columns: person_id, follow_up_id, followed_since (date), followed_at.
 */
export const followedPeople = (c: RuleContext) => sql`
  select f.person_id, f.id as follow_up_id,
    (coalesce(f.started_at, f.created_at) at time zone 'Europe/Paris')::date as followed_since,
    coalesce(f.started_at, f.created_at) as followed_at
  from follow_ups f
  where f.territory_id = ${c.territoryId} and f.role = 'referent' and f.status = 'active'
    ${personFilter(c, 'f.person_id')} ${notMerged(c, 'f.person_id')}`;
