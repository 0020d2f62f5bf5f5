import type { Account, Membership, Organisation, OrganisationKind } from '@spie/contract/territories';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database';
import type { DB } from '../../db/schema';
import type { MemberActor } from '../../kernel/actor';
import { decodeCursor, encodeCursor, isUuidValue } from '../../kernel/cursor';
import { escapeLike } from '../../kernel/sqlText';
import { currentMemberships } from './memberships.queries';

const organisationColumns = (eb: ExpressionBuilder<DB, 'organisations'>) =>
  [
    'organisations.id',
    'organisations.kind',
    'organisations.name',
    'organisations.siret',
    'organisations.safir_code',
    'organisations.address_line',
    'organisations.postal_code',
    'organisations.commune_code',
    'organisations.email',
    'organisations.phone',
    'organisations.sensitive',
    'organisations.parent_id',
    'organisations.active',
    'organisations.version',
    eb
      .selectFrom('communes')
      .select('communes.name')
      .whereRef('communes.code', '=', 'organisations.commune_code')
      .as('commune_name'),
    eb
      .selectFrom('organisations as p')
      .select('p.name')
      .whereRef('p.territory_id', '=', 'organisations.territory_id')
      .whereRef('p.id', '=', 'organisations.parent_id')
      .as('parent_name'),
    eb
      .selectFrom('memberships as m')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('m.territory_id', '=', 'organisations.territory_id')
      .whereRef('m.organisation_id', '=', 'organisations.id')
      .where('m.ended_at', 'is', null)
      .as('member_count'),
  ] as const;

function baseOrganisations(db: Db, territoryId: string) {
  return db
    .selectFrom('organisations')
    .select((eb) => [...organisationColumns(eb)])
    .where('organisations.territory_id', '=', territoryId);
}
type OrganisationRow = Awaited<ReturnType<ReturnType<typeof baseOrganisations>['executeTakeFirstOrThrow']>>;

function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    kind: r.kind as OrganisationKind,
    name: r.name,
    siret: r.siret,
    safirCode: r.safir_code,
    address: {
      line: r.address_line,
      postalCode: r.postal_code,
      communeCode: r.commune_code,
      communeName: r.commune_name ?? null,
    },
    email: r.email,
    phone: r.phone,
    sensitive: r.sensitive,
    parentId: r.parent_id,
    parentName: r.parent_name ?? null,
    active: r.active,
    version: r.version,
    memberCount: Number(r.member_count ?? 0),
  };
}

export async function findOrganisation(
  db: Db,
  territoryId: string,
  id: string,
): Promise<Organisation | null> {
  const row = await baseOrganisations(db, territoryId).where('organisations.id', '=', id).executeTakeFirst();
  return row ? toOrganisation(row) : null;
}

/** A territory has tens of organisations, not thousands: one bounded list, sorted by name. */
export async function listOrganisations(
  db: Db,
  territoryId: string,
  filter: { q?: string | undefined; kind?: OrganisationKind | undefined; includeInactive: boolean },
): Promise<Organisation[]> {
  let query = baseOrganisations(db, territoryId);
  if (!filter.includeInactive) query = query.where('organisations.active', '=', true);
  if (filter.kind) query = query.where('organisations.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(
      sql<boolean>`spie_unaccent(lower(organisations.name)) like spie_unaccent(${pattern})`,
    );
  }
  const rows = await query
    .orderBy(sql`lower(organisations.name)`)
    .orderBy('organisations.id')
    .limit(1000)
    .execute();
  return rows.map(toOrganisation);
}

/**
 * Accounts visible to the actor: those with a membership (current or past) in the actor's
 * territory; structure managers only see their own organisation's.
 */
function visibleAccounts(db: Db, actor: MemberActor) {
  return db.selectFrom('accounts as a').where((eb) =>
    eb.exists(
      eb
        .selectFrom('memberships as vm')
        .select(sql`1`.as('one'))
        .whereRef('vm.account_id', '=', 'a.id')
        .where('vm.territory_id', '=', actor.territoryId)
        .$if(actor.role !== 'territory_admin', (q) =>
          q.where('vm.organisation_id', '=', actor.organisationId),
        ),
    ),
  );
}

const accountColumns = [
  'a.id',
  'a.email',
  'a.first_name',
  'a.last_name',
  'a.phone',
  'a.active',
  'a.version',
] as const;

export async function findAccount(db: Db, actor: MemberActor, id: string): Promise<Account | null> {
  const row = await visibleAccounts(db, actor)
    .select(accountColumns)
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const memberships = await currentMemberships(db, [row.id], { territoryId: actor.territoryId });
  return toAccount(row, memberships.get(row.id) ?? []);
}

type AccountRow = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  active: boolean;
  version: number;
};
function toAccount(r: AccountRow, memberships: Membership[]): Account {
  return {
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    active: r.active,
    version: r.version,
    memberships,
  };
}

/** Keyset pagination on (last name, first name, id), the order people read a staff list in. */
export async function listAccounts(
  db: Db,
  actor: MemberActor,
  filter: {
    q?: string | undefined;
    organisationId?: string | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<{ items: Account[]; next: string | null }> {
  let query = visibleAccounts(db, actor).select([
    ...accountColumns,
    sql<string>`lower(a.last_name)`.as('k1'),
    sql<string>`lower(a.first_name)`.as('k2'),
  ]);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(
      sql<boolean>`spie_unaccent(lower(a.last_name || ' ' || a.first_name || ' ' || a.email)) like spie_unaccent(${pattern})`,
    );
  }
  if (filter.organisationId) {
    const orgId = filter.organisationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as fm')
          .select(sql`1`.as('one'))
          .whereRef('fm.account_id', '=', 'a.id')
          .where('fm.territory_id', '=', actor.territoryId)
          .where('fm.organisation_id', '=', orgId)
          .where('fm.ended_at', 'is', null),
      ),
    );
  }
  const cursor = decodeCursor(
    filter.after,
    3,
    (v) => typeof v[0] === 'string' && typeof v[1] === 'string' && isUuidValue(v[2]),
  );
  if (cursor) {
    const [k1, k2, id] = cursor;
    query = query.where(
      sql<boolean>`(lower(a.last_name), lower(a.first_name), a.id) > (${k1}, ${k2}, ${id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy(sql`lower(a.last_name)`)
    .orderBy(sql`lower(a.first_name)`)
    .orderBy('a.id')
    .limit(filter.limit + 1)
    .execute();
  const pageRows = rows.slice(0, filter.limit);
  const memberships = await currentMemberships(
    db,
    pageRows.map((r) => r.id),
    { territoryId: actor.territoryId },
  );
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => toAccount(r, memberships.get(r.id) ?? [])),
    next: rows.length > filter.limit && last ? encodeCursor([last.k1, last.k2, last.id]) : null,
  };
}
