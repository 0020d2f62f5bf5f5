import { sql } from 'kysely';
import { addDays } from '../../people';
import { dayStart, notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Pas de référent désigné »: oriented (decided, notified, or référent designated then gone)
 * for more than N days and no active référent unique. One episode per orientation.
 */
export const referentMissing: RuleQuery = {
  id: 'referent_missing',
  requiresFollowed: false,
  query: (c) => {
    const days = c.params.days ?? 15;
    return sql<RuleMatch>`
      select o.person_id, o.id::text as episode_key,
        (o.decided_at at time zone 'Europe/Paris')::date + ${days}::int as since,
        jsonb_build_object('decidedOn', (o.decided_at at time zone 'Europe/Paris')::date,
          'organisationName', org.name, 'days', ${days}::int) as details
      from orientations o
      left join organisations org on org.territory_id = o.territory_id and org.id = o.organisation_id
      where o.territory_id = ${c.territoryId} and o.status in ('decidee', 'notifiee', 'referent_designe')
        and o.decided_at < ${dayStart(addDays(c.today, -days))}
        ${personFilter(c, 'o.person_id')} ${notMerged(c, 'o.person_id')}
        and not exists (
          select 1 from follow_ups f
          where f.territory_id = o.territory_id and f.person_id = o.person_id
            and f.role = 'referent' and f.status = 'active')`;
  },
};
