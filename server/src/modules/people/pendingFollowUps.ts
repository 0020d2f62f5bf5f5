import type { TeamMember } from '@spie/contract/people';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';
import { directoryName, displayName } from './person.queries';
import { teamMembersByIds } from './team.queries';

type PendingItem = TeamMember & {
  personId: string;
  personName: string | null;
  direction: 'invitation' | 'request';
};

/**
 * Invitations addressed to me (this account, acting for that organisation) and join requests I
 * may answer: those of persons whose team I manage (référent, co-référent, or structure manager
 * of a following organisation). Mirrors `mayManageTeam`, in SQL.
 */
export const pendingFollowUps = defineUseCase({
  name: 'people.pendingFollowUps',
  kind: 'query',
  input: z.object({}),
  authorize: () => true,
  run: async (ctx): Promise<{ items: PendingItem[] }> => {
    const a = ctx.actor;
    const manages = sql<boolean>`exists (
      select 1 from follow_ups m
      where m.territory_id = f.territory_id and m.person_id = f.person_id and m.status = 'active'
        and m.organisation_id = ${a.organisationId}
        and ${
          a.role === 'structure_manager'
            ? sql`true`
            : sql`(m.account_id = ${a.accountId} or m.account_id is null) and m.role in ('referent', 'co_referent')`
        })`;
    const rows = await ctx.trx
      .selectFrom('follow_ups as f')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.territory_id', '=', 'f.territory_id').onRef('p.id', '=', 'f.person_id'),
      )
      .select(['f.id', 'f.person_id', 'f.status', 'p.birth_name', 'p.usage_name', 'p.first_names'])
      .where('f.territory_id', '=', a.territoryId)
      .where('p.merged_into_id', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('f.status', '=', 'invited'),
            eb('f.account_id', '=', a.accountId),
            eb('f.organisation_id', '=', a.organisationId),
          ]),
          eb.and([eb('f.status', '=', 'requested'), manages]),
        ]),
      )
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id')
      .limit(500)
      .execute();
    const members = await teamMembersByIds(
      ctx.trx,
      a.territoryId,
      rows.map((r) => r.id),
    );
    const items: PendingItem[] = [];
    for (const row of rows) {
      const member = members.get(row.id);
      if (!member) continue;
      items.push({
        ...member,
        personId: row.person_id,
        // An invitee is not in the team yet: only what the directory tells (« Alice M. »).
        personName: row.status === 'invited' ? directoryName(row) : displayName(row),
        direction: row.status === 'invited' ? 'invitation' : 'request',
      });
    }
    return { items };
  },
});
