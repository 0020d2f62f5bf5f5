import { sql } from 'kysely';
import { notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Orientation en retard »: the orientation is still waiting (à orienter, proposée) past its
 * deadline (RSA information + the territory's orientation delay, stored on the orientation).
 * One episode per orientation. Served by the partial index `orientations_queue`.
 */
export const orientationOverdue: RuleQuery = {
  id: 'orientation_overdue',
  requiresFollowed: false,
  query: (c) => {
    const delay = c.settings.orientationDelayDays;
    const deadline = sql`coalesce(o.deadline, o.information_received_on + ${delay}::int)`;
    return sql<RuleMatch>`
      select o.person_id, o.id::text as episode_key, ${deadline} as since,
        jsonb_build_object('informationReceivedOn', o.information_received_on, 'deadline', ${deadline}) as details
      from orientations o
      where o.territory_id = ${c.territoryId} and o.status in ('a_orienter', 'proposee')
        and ${deadline} < ${c.today}::date
        ${personFilter(c, 'o.person_id')} ${notMerged(c, 'o.person_id')}`;
  },
};
