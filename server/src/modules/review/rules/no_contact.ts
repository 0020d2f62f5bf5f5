import { sql } from 'kysely';
import { addDays } from '../../people';
import {
  contactEpisodeKey,
  contactReferenceAt,
  contactReferenceDay,
  followedAmong,
  lastContactDay,
  personsByLastContact,
} from './contactClock';
import { dayStart, personFilter, type RuleMatch, type RuleQuery } from './rule';

/**
 * « Sans contact »: followed, and no contact for more than N days (setting `noContactWarningDays`),
 * or absent at an appointment with no contact since. It gives way to « perdu·e de vue » past that
 * rule's threshold (the engine resolves it as `remplacee`).
 */
export const noContact: RuleQuery = {
  id: 'no_contact',
  requiresFollowed: true,
  query: (c) => {
    const days = c.params.days ?? 60;
    const lostDays = c.paramsOf('lost_contact').days ?? 90;
    const lostFrom = dayStart(addDays(c.today, -lostDays));
    const from = dayStart(addDays(c.today, -days));
    // Candidates: a last contact between the two thresholds (or none), or an absence since.
    const silent = personsByLastContact(
      c,
      sql`p.last_contact_at is null or (p.last_contact_at >= ${lostFrom} and p.last_contact_at < ${from})`,
    );
    return sql<RuleMatch>`
      with absences as (
        -- Absences since the lost-contact threshold: an older one is « perdu·e de vue » ground.
        select ap.person_id, max(ap.starts_at) as absent_at
        from appointments ap
        where ap.territory_id = ${c.territoryId} and ap.status = 'absent'
          and ap.starts_at >= ${lostFrom} and ap.starts_at <= ${c.now}
          ${personFilter(c, 'ap.person_id')}
        group by ap.person_id
      ),
      fp as (
        ${followedAmong(
          c,
          sql`${silent}
            union
            select p.id, p.last_contact_at from absences ab
            join persons p on p.territory_id = ${c.territoryId} and p.id = ab.person_id and p.merged_into_id is null`,
        )}
      )
      select fp.person_id, ${contactEpisodeKey} as episode_key,
        least(
          case when ${contactReferenceAt} < ${from}
            then ${contactReferenceDay} + ${days}::int end,
          case when ab.absent_at > coalesce(fp.last_contact_at, '-infinity'::timestamptz)
            then (ab.absent_at at time zone 'Europe/Paris')::date end) as since,
        jsonb_build_object('lastContactOn', ${lastContactDay}, 'followedSince', fp.followed_since,
          'days', ${days}::int,
          'absentOn', case when ab.absent_at > coalesce(fp.last_contact_at, '-infinity'::timestamptz)
            then (ab.absent_at at time zone 'Europe/Paris')::date end) as details
      from fp
      left join absences ab on ab.person_id = fp.person_id
      where ${contactReferenceAt} >= ${lostFrom}
        and (${contactReferenceAt} < ${from}
          or ab.absent_at > coalesce(fp.last_contact_at, '-infinity'::timestamptz))`;
  },
};
