import { sql } from 'kysely';
import { addDays } from '../../people';
import { followedPeople, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Point de situation à faire »: followed, and no « point de situation » for more than N days
 * (setting `periodicReviewDays`), counted from the last one or else from the start of the
 * follow-up. One episode per last review (or per follow-up when there was none).
 */
export const periodicReviewDue: RuleQuery = {
  id: 'periodic_review_due',
  requiresFollowed: true,
  query: (c) => {
    const days = c.params.days ?? 90;
    return sql<RuleMatch>`
      with fp as (${followedPeople(c)}),
      last_review as (
        select r.person_id, max(r.reviewed_on) as reviewed_on
        from situation_reviews r
        where r.territory_id = ${c.territoryId} ${personFilter(c, 'r.person_id')}
        group by r.person_id
      )
      select fp.person_id,
        case when lr.reviewed_on is null then 'suivi:' || fp.follow_up_id
          else 'revue:' || to_char(lr.reviewed_on, 'YYYY-MM-DD') end as episode_key,
        coalesce(lr.reviewed_on, fp.followed_since) + ${days}::int as since,
        jsonb_build_object('lastReviewOn', lr.reviewed_on, 'followedSince', fp.followed_since,
          'days', ${days}::int) as details
      from fp
      left join last_review lr on lr.person_id = fp.person_id
      where coalesce(lr.reviewed_on, fp.followed_since) < ${addDays(c.today, -days)}::date`;
  },
};
