import { sql } from 'kysely';
import { addDays } from '../../people';
import { notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Révision du contrat à faire »: the review date of the contract in force is less than N days
 * ahead, or past. One episode per contract and review date (the next review is a new episode).
 * Served by the partial index `engagement_contracts_review`.
 */
export const contractReviewDue: RuleQuery = {
  id: 'contract_review_due',
  requiresFollowed: false,
  query: (c) => {
    const before = c.params.daysBefore ?? 15;
    return sql<RuleMatch>`
      select ec.person_id, ec.id || ':' || to_char(ec.review_due_on, 'YYYY-MM-DD') as episode_key,
        ec.review_due_on - ${before}::int as since,
        jsonb_build_object('contractId', ec.id, 'reviewDueOn', ec.review_due_on) as details
      from engagement_contracts ec
      where ec.territory_id = ${c.territoryId} and ec.status = 'actif'
        and ec.review_due_on <= ${addDays(c.today, before)}::date
        ${personFilter(c, 'ec.person_id')} ${notMerged(c, 'ec.person_id')}`;
  },
};
