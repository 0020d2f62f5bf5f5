import { type RawBuilder, sql } from 'kysely';
import type { RuleContext } from './rule';

/**
 * The lost-contact clock shared by « sans contact » and « perdu·e de vue », over a `fp` row of
 * `followedAmong`: it starts at the last contact (`persons.last_contact_at`), or at the start of
 * the follow-up when there was never any. The episode is that starting point: a new contact
 * starts a new episode, so an alert is never raised twice for the same silence.
 */
export const contactReferenceAt = sql`coalesce(fp.last_contact_at, fp.followed_at)`;
export const contactReferenceDay = sql`(coalesce(fp.last_contact_at, fp.followed_at) at time zone 'Europe/Paris')::date`;
export const contactEpisodeKey = sql<string>`case when fp.last_contact_at is null then 'suivi:' || fp.follow_up_id
  else 'contact:' || to_char((fp.last_contact_at at time zone 'Europe/Paris')::date, 'YYYY-MM-DD') end`;
export const lastContactDay = sql`(fp.last_contact_at at time zone 'Europe/Paris')::date`;

/**
 * Persons (not merged) whose last contact matches `condition` (on `p.last_contact_at`): read
 * from the index `persons_last_contact`, so a full pass only touches the people whose silence
 * is long enough instead of every record. Columns: id, last_contact_at.
 */
export const personsByLastContact = (c: RuleContext, condition: RawBuilder<unknown>) => sql`
  select p.id, p.last_contact_at from persons p
  where p.territory_id = ${c.territoryId} and p.merged_into_id is null and (${condition})
    ${c.personIds ? sql`and p.id = any(${c.personIds}::uuid[])` : sql``}`;

/**
 * The candidates who have a référent unique (active follow-up with role `referent`), as `fp`
 * rows: person_id, follow_up_id, followed_since (date), followed_at, last_contact_at.
 */
export const followedAmong = (c: RuleContext, candidates: RawBuilder<unknown>) => sql`
  select cand.id as person_id, f.id as follow_up_id,
    (coalesce(f.started_at, f.created_at) at time zone 'Europe/Paris')::date as followed_since,
    coalesce(f.started_at, f.created_at) as followed_at,
    cand.last_contact_at
  from (${candidates}) cand
  -- One probe of the index follow_ups_one_referent per candidate rather than hashing every follow-up.
  cross join lateral (
    select f.id, f.started_at, f.created_at from follow_ups f
    where f.territory_id = ${c.territoryId} and f.person_id = cand.id and f.role = 'referent' and f.status = 'active'
    limit 1
  ) f`;
