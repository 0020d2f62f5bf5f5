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
import { dayStart, type RuleMatch, type RuleQuery } from './rule';

/** « Perdu·e de vue »: followed, and no contact for more than N days (setting `lostContactDays`). */
export const lostContact: RuleQuery = {
  id: 'lost_contact',
  requiresFollowed: true,
  query: (c) => {
    const days = c.params.days ?? 90;
    const from = dayStart(addDays(c.today, -days));
    const candidates = personsByLastContact(c, sql`p.last_contact_at is null or p.last_contact_at < ${from}`);
    return sql<RuleMatch>`
      select fp.person_id, ${contactEpisodeKey} as episode_key,
        ${contactReferenceDay} + ${days}::int as since,
        jsonb_build_object('lastContactOn', ${lastContactDay}, 'followedSince', fp.followed_since,
          'days', ${days}::int) as details
      from (${followedAmong(c, candidates)}) fp
      where ${contactReferenceAt} < ${from}`;
  },
};
