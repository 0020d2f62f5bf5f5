import { sql } from 'kysely';
import { notMerged, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Contrat non signé »: the orientation was notified, its contract deadline (stored at
 * notification; else notification + the territory's signature delay) has passed, and no contract
 * was signed since the decision (a contract in force recorded from elsewhere counts too).
 * One episode per orientation: a new orientation restarts the clock.
 */
export const contractUnsigned: RuleQuery = {
  id: 'contract_unsigned',
  requiresFollowed: false,
  query: (c) => {
    const delay = c.settings.contractSignatureDelayDays;
    const deadline = sql`coalesce(o.contract_deadline, (o.notified_at at time zone 'Europe/Paris')::date + ${delay}::int)`;
    return sql<RuleMatch>`
      select o.person_id, o.id::text as episode_key, ${deadline} as since,
        jsonb_build_object('notifiedOn', (o.notified_at at time zone 'Europe/Paris')::date,
          'deadline', ${deadline}) as details
      from orientations o
      where o.territory_id = ${c.territoryId} and o.status in ('notifiee', 'referent_designe')
        and o.notified_at is not null
        and ${deadline} < ${c.today}::date
        ${personFilter(c, 'o.person_id')} ${notMerged(c, 'o.person_id')}
        and not exists (
          select 1 from engagement_contracts ec
          where ec.territory_id = o.territory_id and ec.person_id = o.person_id
            and coalesce(ec.signed_at, case when ec.status in ('actif', 'en_revision') then ec.created_at end)
              >= o.decided_at)`;
  },
};
