import type { Membership, OrganisationKind, Role } from '@spie/contract/territories';
import type { Db } from '../../db/database';

/**
 * The current memberships of some accounts, by account, ordered by territory, organisation and
 * role. `territoryId` keeps one territory's; `activeOrganisationsOnly` leaves out memberships in
 * deactivated organisations (those one cannot act through).
 */
export async function currentMemberships(
  db: Db,
  accountIds: string[],
  opts: { territoryId?: string; activeOrganisationsOnly?: boolean } = {},
): Promise<Map<string, Membership[]>> {
  const result = new Map<string, Membership[]>();
  if (accountIds.length === 0) return result;
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.territory_id', '=', 'm.territory_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select([
      'm.id',
      'm.account_id',
      'm.organisation_id',
      'o.name as organisation_name',
      'o.kind',
      'm.territory_id',
      't.name as territory_name',
      'm.role',
    ])
    .where('m.account_id', 'in', accountIds)
    .where('m.ended_at', 'is', null)
    .$if(opts.territoryId !== undefined, (q) => q.where('m.territory_id', '=', opts.territoryId as string))
    .$if(opts.activeOrganisationsOnly === true, (q) => q.where('o.active', '=', true))
    .orderBy('t.name')
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
  for (const r of rows) {
    const list = result.get(r.account_id) ?? [];
    list.push({
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      organisationKind: r.kind as OrganisationKind,
      territoryId: r.territory_id,
      territoryName: r.territory_name,
      role: r.role as Role,
      active: true,
    });
    result.set(r.account_id, list);
  }
  return result;
}
