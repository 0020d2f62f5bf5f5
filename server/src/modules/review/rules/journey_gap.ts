import { liveReferralStatuses } from '@spie/contract/referrals';
import { sql } from 'kysely';
import { addDays } from '../../people';
import { followedPeople, personFilter, type RuleMatch, type RuleQuery } from './rule';

/** The day an action of the plan ended: marked done/stopped (at most its planned end), or its planned end passed. */
const endedOn = sql`case
  when a.status in ('realisee', 'abandonnee_personne', 'annulee_structure')
    then least(coalesce(a.planned_end, (a.updated_at at time zone 'Europe/Paris')::date),
      (a.updated_at at time zone 'Europe/Paris')::date)
  else a.planned_end end`;

/**
 * « Rupture de parcours »: the person is followed, the last action of their contract in force
 * ended more than N days ago, and no next step has begun: no action planned or running in a
 * contract in preparation or in force. One episode per last ended action.
 */
export const journeyGap: RuleQuery = {
  id: 'journey_gap',
  requiresFollowed: true,
  query: (c) => {
    const days = c.params.days ?? 30;
    // Issue 7 (referrals): an orientation towards an offer is a next step too — a referral still
    // alive (liveReferralStatuses), or one sent within the gap window after the action ended.
    const live = sql.join(liveReferralStatuses.map((st) => sql`${st}`));
    return sql<RuleMatch>`
      with fp as (${followedPeople(c)}),
      last_ended as (
        select distinct on (ec.person_id) ec.person_id, a.id as action_id, a.label, ${endedOn} as ended_on
        from engagement_contracts ec
        join contract_actions a on a.territory_id = ec.territory_id and a.contract_id = ec.id
        where ec.territory_id = ${c.territoryId} and ec.status in ('signe', 'actif', 'en_revision')
          ${personFilter(c, 'ec.person_id')}
          and ${endedOn} < ${c.today}::date
        order by ec.person_id, ${endedOn} desc, a.id
      )
      select le.person_id, le.action_id::text as episode_key, le.ended_on + ${days}::int as since,
        jsonb_build_object('actionId', le.action_id, 'actionLabel', le.label, 'endedOn', le.ended_on,
          'days', ${days}::int) as details
      from last_ended le
      join fp on fp.person_id = le.person_id
      where le.ended_on < ${addDays(c.today, -days)}::date
        and not exists (
          select 1 from engagement_contracts nc
          join contract_actions b on b.territory_id = nc.territory_id and b.contract_id = nc.id
          where nc.territory_id = ${c.territoryId} and nc.person_id = le.person_id
            and nc.status in ('brouillon', 'propose', 'signe', 'actif', 'en_revision')
            and b.status in ('prevue', 'en_cours')
            and (b.planned_end is null or b.planned_end >= ${c.today}::date))
        and not exists (
          select 1 from referrals r
          where r.territory_id = ${c.territoryId} and r.person_id = le.person_id
            and (r.status in (${live})
              or ((r.created_at at time zone 'Europe/Paris')::date >= le.ended_on
                and (r.created_at at time zone 'Europe/Paris')::date <= le.ended_on + ${days}::int)))`;
  },
};
