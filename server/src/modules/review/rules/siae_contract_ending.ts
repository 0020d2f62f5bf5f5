import { sql } from 'kysely';
import { addDays } from '../../people';
import { notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/** The end of a SIAE contract: the status's end date, else the end date given in its details. */
const endsOn = sql`coalesce(s.end_date, case when s.details->>'endDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
  then (s.details->>'endDate')::date end)`;

/**
 * « Fin de contrat en insertion (SIAE) proche »: a SIAE contract ends within N days. One episode
 * per contract and end date: a postponed end resolves the alert (and a new one comes in time).
 */
export const siaeContractEnding: RuleQuery = {
  id: 'siae_contract_ending',
  requiresFollowed: false,
  query: (c) => {
    const days = c.params.days ?? 60;
    return sql<RuleMatch>`
      select s.person_id, s.id || ':' || to_char(${endsOn}, 'YYYY-MM-DD') as episode_key,
        ${endsOn} - ${days}::int as since,
        jsonb_build_object('endsOn', ${endsOn}) as details
      from person_statuses s
      where s.territory_id = ${c.territoryId} and s.kind = 'siae_contract'
        and s.start_date <= ${c.today}::date
        and ${endsOn} between ${c.today}::date and ${addDays(c.today, days)}::date
        ${personFilter(c, 's.person_id')} ${notMerged(c, 's.person_id')}`;
  },
};
