import { sql } from 'kysely';
import { addDays } from '../../people';
import { dayStart, followedPeople, personFilter, type RuleMatch, type RuleQuery } from './rule';

/** Ends that need no new contract: lasting job, qualifying training, business, moving, end of rights. */
const settledEndReasons = [
  'emploi_durable',
  'formation_qualifiante',
  'creation_entreprise',
  'demenagement',
  'fin_droits',
  'conversion',
];

/**
 * « Contrat terminé sans nouveau contrat »: the person is still followed, their latest contract
 * ended more than N days ago (for another reason than the settled ones) and no contract was
 * started since. One episode per ended contract.
 */
export const contractEndedNoSuccessor: RuleQuery = {
  id: 'contract_ended_no_successor',
  requiresFollowed: true,
  query: (c) => {
    const days = c.params.days ?? 15;
    return sql<RuleMatch>`
      select ec.person_id, ec.id::text as episode_key,
        (ec.ended_at at time zone 'Europe/Paris')::date + ${days}::int as since,
        jsonb_build_object('contractId', ec.id, 'kind', ec.kind,
          'endedOn', (ec.ended_at at time zone 'Europe/Paris')::date, 'endReason', ec.end_reason) as details
      from (${followedPeople(c)}) fp
      join engagement_contracts ec on ec.territory_id = ${c.territoryId} and ec.person_id = fp.person_id
      where ec.status = 'termine' and ec.ended_at < ${dayStart(addDays(c.today, -days))}
        and (ec.end_reason is null or ec.end_reason not in (${sql.join(settledEndReasons)}))
        ${personFilter(c, 'ec.person_id')}
        and not exists (
          select 1 from engagement_contracts nx
          where nx.territory_id = ec.territory_id and nx.person_id = ec.person_id and nx.id <> ec.id
            and (nx.status in ('brouillon', 'propose', 'signe', 'actif', 'en_revision', 'renouvele')
              or nx.created_at > ec.ended_at or nx.ended_at > ec.ended_at))`;
  },
};
