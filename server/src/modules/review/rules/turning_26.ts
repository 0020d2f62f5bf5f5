import { sql } from 'kysely';
import { addDays } from '../../people';
import { personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « 26 ans bientôt (mission locale) »: the person turns 26 within N days (or already has) and a
 * mission locale still follows them (any active follow-up of an organisation of that kind).
 * One episode per person (their 26th birthday).
 */
export const turning26: RuleQuery = {
  id: 'turning_26',
  requiresFollowed: false,
  query: (c) => {
    const days = c.params.days ?? 60;
    const birthday = sql`(p.birth_date + interval '26 years')::date`;
    return sql<RuleMatch>`
      select distinct on (p.id) p.id as person_id, 'anniversaire:' || to_char(${birthday}, 'YYYY-MM-DD') as episode_key,
        ${birthday} - ${days}::int as since,
        jsonb_build_object('birthday26', ${birthday}, 'organisationName', o.name) as details
      from follow_ups f
      join organisations o on o.territory_id = f.territory_id and o.id = f.organisation_id and o.kind = 'mission_locale'
      join persons p on p.territory_id = f.territory_id and p.id = f.person_id and p.merged_into_id is null
      where f.territory_id = ${c.territoryId} and f.status = 'active'
        and p.birth_date <= (${addDays(c.today, days)}::date - interval '26 years')::date
        ${personFilter(c, 'f.person_id')}
      order by p.id, o.name`;
  },
};
