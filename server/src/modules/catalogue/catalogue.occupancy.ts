import { diThematiques, type Occupancy } from '@spie/contract/catalogue';
import { occupyingStatuses, referralStatuses } from '@spie/contract/referrals';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../kernel/cursor';

type Trx = Transaction<DB>;

export interface OccupancyFilter {
  territoryId: string;
  today: string;
  organisationId?: string | undefined;
  thematique?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** A category (`mobilite`) stands for its sub-thematiques; a sub-thematique for itself. */
export function thematiquesFilter(value: string): string[] {
  if (value.includes('--')) return [value];
  const subs = diThematiques.map((t) => t.value as string).filter((v) => v.startsWith(`${value}--`));
  return [value, ...subs];
}

interface FigureRow {
  /** 1 on the territory's total row, 0 otherwise. */
  g: number;
  k: string | null;
  places: number | null;
  counted: number;
  occupied: number;
  waiting: number;
  free: number;
  services: number;
  median: number | null;
  [status: string]: unknown;
}

const statusColumns = referralStatuses.map(
  (s) => sql`count(*) filter (where r.status = ${s})::int as ${sql.ref(`st_${s}`)}`,
);

/**
 * Services in scope (published or suspended, optional owner and thematique filters) with their places
 * (capacity, else the places of their sessions neither cancelled, over nor ended) and their occupied,
 * waiting and free places; then the referrals of those services, grouped. One statement per block:
 * `territory` gives the totals and the figures by owner in one pass (grouping sets), `services` one
 * page of services; referrals are read through `referrals_service` (territory, service, status).
 */
function block(f: OccupancyFilter, mode: 'territory' | 'services', extra: RawBuilder<unknown> = sql``) {
  // Territory: one pass for the totals (grouping set ()) and by owner (g = 0); services: by id.
  const g = mode === 'territory' ? sql`grouping(svc.owner_organisation_id)` : sql`0`;
  const key = mode === 'territory' ? sql`svc.owner_organisation_id::text` : sql`svc.id`;
  const groupBy = mode === 'territory' ? sql`grouping sets ((), (svc.owner_organisation_id))` : sql`svc.id`;
  const owner = f.organisationId ? sql`and s.owner_organisation_id = ${f.organisationId}::uuid` : sql``;
  const them = f.thematique
    ? sql`and s.thematiques && ${sql.val(thematiquesFilter(f.thematique))}::text[]`
    : sql``;
  // The whole territory: one hashed pass over its referrals (joined to the services below); a page
  // of services: only theirs, through the (territory, service, status) index.
  const scope = mode === 'services' ? sql`and r.service_id in (select id from svc)` : sql``;
  return sql<FigureRow>`
    with session_places as (
      select ss.service_id, sum(ss.places)::int as places from catalogue_sessions ss
      where ss.territory_id = ${f.territoryId}::uuid and ss.places is not null
        and ss.status not in ('annulee', 'terminee')
        and (ss.end_date is null or ss.end_date >= ${f.today}::date)
      group by ss.service_id
    ),
    svc as (
      select s.id, s.nom, s.owner_organisation_id, coalesce(s.capacity, sp.places) as places
      from catalogue_services s
      left join session_places sp on sp.service_id = s.id
      where s.territory_id = ${f.territoryId}::uuid and s.status in ('publie', 'suspendu') ${owner} ${them} ${extra}
    ),
    held as (
      select r.service_id,
        count(*) filter (where r.status in (${sql.join([...occupyingStatuses])}))::int as occupied,
        count(*) filter (where r.status = 'en_liste_d_attente')::int as waiting
      from referrals r
      where r.territory_id = ${f.territoryId}::uuid
        ${scope}
        and r.status in (${sql.join([...occupyingStatuses, 'en_liste_d_attente'])})
      group by r.service_id
    ),
    figures as (
      select ${g}::int as g, ${key} as k,
        sum(svc.places)::int as places,
        count(svc.places)::int as counted,
        coalesce(sum(h.occupied), 0)::int as occupied,
        coalesce(sum(h.waiting), 0)::int as waiting,
        coalesce(sum(greatest(svc.places - coalesce(h.occupied, 0), 0)), 0)::int as free,
        count(*)::int as services
      from svc left join held h on h.service_id = svc.id
      group by ${groupBy}
    ),
    answers as (
      select ${g}::int as ag, ${key} as ak, ${sql.join(statusColumns)},
        percentile_cont(0.5) within group (
          order by extract(epoch from (r.answered_at - r.created_at)) / 86400.0
        ) filter (where r.answered_at is not null) as median
      from referrals r join svc on svc.id = r.service_id
      where r.territory_id = ${f.territoryId}::uuid
      group by ${groupBy}
    )
    select f.*, a.* from figures f left join answers a on a.ag = f.g and a.ak is not distinct from f.k`;
}

function figures(row: FigureRow | undefined) {
  const referralsByStatus: Record<string, number> = {};
  for (const s of referralStatuses) referralsByStatus[s] = Number(row?.[`st_${s}`] ?? 0);
  const places = row && row.counted > 0 ? Number(row.places ?? 0) : 0;
  const occupied = Number(row?.occupied ?? 0);
  return {
    places,
    occupied,
    waiting: Number(row?.waiting ?? 0),
    free: Number(row?.free ?? 0),
    rate: places > 0 ? Math.round((occupied / places) * 1000) / 1000 : null,
    referralsByStatus,
    medianDaysToAnswer:
      row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median) * 10) / 10,
  };
}

export async function occupancyOf(trx: Trx, f: OccupancyFilter): Promise<Occupancy> {
  const cursor = decodeCursor(f.after, 2, (v) => typeof v[0] === 'string' && typeof v[1] === 'string');
  const pageFilter = cursor ? sql`and (s.nom, s.id) > (${cursor[0]}, ${cursor[1]})` : sql``;
  const pageIds = await sql<{ id: string; nom: string }>`
    select s.id, s.nom from catalogue_services s
    where s.territory_id = ${f.territoryId}::uuid and s.status in ('publie', 'suspendu')
      ${f.organisationId ? sql`and s.owner_organisation_id = ${f.organisationId}::uuid` : sql``}
      ${f.thematique ? sql`and s.thematiques && ${sql.val(thematiquesFilter(f.thematique))}::text[]` : sql``}
      ${pageFilter}
    order by s.nom, s.id limit ${f.limit + 1}`.execute(trx);
  const more = pageIds.rows.length > f.limit;
  const page = pageIds.rows.slice(0, f.limit);
  const ids = page.map((r) => r.id);

  const [territory, byService, orgs] = await Promise.all([
    block(f, 'territory').execute(trx),
    ids.length
      ? block(f, 'services', sql`and s.id in (${sql.join(ids)})`).execute(trx)
      : Promise.resolve({ rows: [] as FigureRow[] }),
    trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('territory_id', '=', f.territoryId)
      .execute(),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const total = territory.rows.find((row) => Number(row.g) === 1);
  const byOrg = { rows: territory.rows.filter((row) => Number(row.g) === 0) };
  const serviceRows = new Map(byService.rows.map((r) => [r.k, r]));
  const owners = ids.length
    ? await trx
        .selectFrom('catalogue_services')
        .select(['id', 'owner_organisation_id'])
        .where('territory_id', '=', f.territoryId)
        .where('id', 'in', ids)
        .execute()
    : [];
  const ownerOf = new Map(owners.map((o) => [o.id, o.owner_organisation_id]));
  const last = page[page.length - 1];
  return {
    totals: { ...figures(total), services: Number(total?.services ?? 0) },
    byOrganisation: byOrg.rows
      .map((r) => ({
        ...figures(r),
        organisationId: r.k,
        name: r.k ? (orgName.get(r.k) ?? 'Organisation inconnue') : 'Sans organisation dans SPIE',
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    services: page.map((p) => {
      const owner = ownerOf.get(p.id) ?? null;
      return {
        ...figures(serviceRows.get(p.id)),
        id: p.id,
        nom: p.nom,
        owner: owner ? (orgName.get(owner) ?? null) : null,
      };
    }),
    next: more && last ? encodeCursor([last.nom, last.id]) : null,
  };
}
