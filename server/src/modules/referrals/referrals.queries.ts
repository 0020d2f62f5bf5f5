import type { ReferralLine, ReferralStatus } from '@spie/contract/referrals';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, isTimestampValue, isUuidValue } from '../../kernel/cursor';
import type { Trx } from './referrals.store';

/**
 * Lists of referrals (received by an organisation, sent by a professional or an organisation, of
 * a person): one query for the page (keyset on created_at desc, id desc, served by the
 * `referrals_received` / `referrals_sent_*` / `referrals_person` indexes) and one for the counts
 * by status. No N+1: names come from joins.
 */
export type ReferralScope = Partial<
  Record<'person_id' | 'receiving_organisation_id' | 'sender_organisation_id' | 'sender_account_id', string>
>;

/** `r.col = value and …` for each entry of the scope (columns from a fixed list). */
const scopeSql = (scope: ReferralScope) =>
  sql.join(
    Object.entries(scope).map(([col, value]) => sql`${sql.ref(`r.${col}`)} = ${value}`),
    sql` and `,
  );

const DAY = 86_400_000;

export async function referralPage(
  trx: Trx,
  territoryId: string,
  scope: ReferralScope,
  opts: { status?: ReferralStatus; after?: string; limit: number; now: Date },
): Promise<{ items: ReferralLine[]; next: string | null; counts: Record<string, number> }> {
  const cursor = decodeCursor(opts.after, 2, (v) => isTimestampValue(v[0]) && isUuidValue(v[1]));
  let q = trx
    .selectFrom('referrals as r')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.territory_id', '=', 'r.territory_id').onRef('p.id', '=', 'r.person_id'),
    )
    .innerJoin('catalogue_services as s', (j) =>
      j.onRef('s.territory_id', '=', 'r.territory_id').onRef('s.id', '=', 'r.service_id'),
    )
    .innerJoin('catalogue_structures as st', (j) =>
      j.onRef('st.territory_id', '=', 's.territory_id').onRef('st.id', '=', 's.structure_id'),
    )
    .innerJoin('organisations as so', (j) =>
      j.onRef('so.territory_id', '=', 'r.territory_id').onRef('so.id', '=', 'r.sender_organisation_id'),
    )
    .leftJoin('organisations as ro', (j) =>
      j.onRef('ro.territory_id', '=', 'r.territory_id').onRef('ro.id', '=', 'r.receiving_organisation_id'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.service_id',
      'r.status',
      'r.created_at',
      'r.updated_at',
      'r.expires_at',
      'p.first_names',
      'p.birth_name',
      'p.usage_name',
      's.nom',
      'st.nom as structure_nom',
      'so.name as sender_org',
      'ro.name as receiving_org',
    ])
    .where('r.territory_id', '=', territoryId)
    .where(sql<boolean>`${scopeSql(scope)}`);
  if (opts.status) q = q.where('r.status', '=', opts.status);
  if (cursor)
    q = q.where(
      sql<boolean>`(r.created_at, r.id) < (${new Date(cursor[0] as string)}::timestamptz, ${cursor[1] as string}::uuid)`,
    );
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const counted = await trx
    .selectFrom('referrals as r')
    .select((eb) => ['r.status', eb.fn.countAll<number>().as('n')])
    .where('r.territory_id', '=', territoryId)
    .where(sql<boolean>`${scopeSql(scope)}`)
    .groupBy('r.status')
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toLine(r, opts.now)),
    next:
      rows.length > opts.limit && last
        ? encodeCursor([new Date(last.created_at).toISOString(), last.id])
        : null,
    counts: Object.fromEntries(counted.map((c) => [c.status, Number(c.n)])),
  };
}

function toLine(
  r: {
    id: string;
    person_id: string;
    service_id: string;
    status: string;
    created_at: Date | string;
    updated_at: Date | string;
    expires_at: Date | string | null;
    first_names: string[];
    birth_name: string;
    usage_name: string | null;
    nom: string;
    structure_nom: string;
    sender_org: string;
    receiving_org: string | null;
  },
  now: Date,
): ReferralLine {
  return {
    id: r.id,
    person: { id: r.person_id, firstName: r.first_names[0] ?? '', lastName: r.usage_name ?? r.birth_name },
    service: { id: r.service_id, nom: r.nom },
    receivingOrganisation: r.receiving_org ?? r.structure_nom,
    senderOrganisation: r.sender_org,
    status: r.status as ReferralStatus,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    daysLeft:
      r.status === 'envoyee' && r.expires_at
        ? Math.max(0, Math.ceil((new Date(r.expires_at).getTime() - now.getTime()) / DAY))
        : null,
  };
}
