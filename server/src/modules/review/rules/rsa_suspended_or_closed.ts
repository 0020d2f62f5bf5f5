import { sql } from 'kysely';
import { followedPeople, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « RSA suspendu ou clos »: the person is followed and their current RSA status (the latest one
 * in force today) says suspended ('3', '4') or closed ('5', '6'). One episode per status entry.
 */
export const rsaSuspendedOrClosed: RuleQuery = {
  id: 'rsa_suspended_or_closed',
  requiresFollowed: true,
  query: (c) => sql<RuleMatch>`
    with fp as (${followedPeople(c)}),
    current_rsa as (
      select distinct on (s.person_id) s.person_id, s.id, s.value, s.start_date
      from person_statuses s
      where s.territory_id = ${c.territoryId} and s.kind = 'rsa'
        and s.start_date <= ${c.today}::date and (s.end_date is null or s.end_date >= ${c.today}::date)
        ${personFilter(c, 's.person_id')}
      order by s.person_id, s.start_date desc, s.recorded_at desc
    )
    select r.person_id, r.id::text as episode_key, r.start_date as since,
      jsonb_build_object('value', r.value, 'startOn', r.start_date) as details
    from current_rsa r
    join fp on fp.person_id = r.person_id
    where r.value in ('3', '4', '5', '6')`,
};
