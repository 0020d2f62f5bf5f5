import type {
  PublicationStatus,
  ServiceView,
  Session,
  SessionMode,
  SessionStatus,
  StructureView,
} from '@spie/contract/catalogue';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CatalogueSessions, DB } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../kernel/cursor';
import { addDays, frenchDate } from '../people';
import { type ServiceRow, type StructureRow, serviceRowToDi, structureRowToDi } from './catalogue.mapping';
import { placesOf, type ServicePlaces, toPlacesSummary } from './catalogue.places';
import { qualityOf } from './quality';

type Trx = Transaction<DB> | Kysely<DB>;
type SessionRow = Selectable<CatalogueSessions>;

/** Open sessions (not cancelled, not over) not yet ended, the next first. */
const NEXT_SESSIONS = 5;

export const isStale = (dateMaj: string, today: string, freshnessDays: number) =>
  String(dateMaj) < addDays(today, -freshnessDays);

export function toSession(row: SessionRow, places: ServicePlaces | undefined): Session {
  const p = places?.sessions.find((s) => s.sessionId === row.id);
  return {
    id: row.id,
    serviceId: row.service_id,
    label: row.label,
    startDate: String(row.start_date),
    endDate: row.end_date === null ? null : String(row.end_date),
    places: row.places,
    mode: row.mode as SessionMode,
    schedule: row.schedule,
    address: row.address,
    status: row.status as SessionStatus,
    waitingListEnabled: row.waiting_list_enabled,
    occupied: p?.occupied ?? 0,
    waiting: p?.waiting ?? 0,
    free: p ? p.free : row.places,
    revision: row.revision,
  };
}

/** Why a referral is not possible now (null when it is), in plain French. */
export function referralBlockedReason(row: ServiceRow, places: ServicePlaces | undefined, today: string) {
  if (row.status === 'suspendu') {
    return row.suspended_until
      ? `Ce service est suspendu jusqu’au ${frenchDate(String(row.suspended_until))} : il ne reçoit pas de prescription pour l’instant.`
      : 'Ce service est suspendu : il ne reçoit pas de prescription pour l’instant.';
  }
  if (row.status !== 'publie') return 'Ce service n’est pas publié : il ne reçoit pas de prescription.';
  if (!row.accepts_referrals)
    return 'Ce service ne reçoit pas de prescription par SPIE : voyez « Comment y accéder ».';
  if (!places) return null;
  const openSessions = places.sessions.filter(
    (s) => s.status !== 'annulee' && s.status !== 'terminee' && (s.endDate === null || s.endDate >= today),
  );
  if (row.capacity === null && places.sessions.length > 0 && openSessions.length === 0)
    return 'Aucune session ouverte pour l’instant.';
  if (places.free === 0) {
    const waitingList =
      row.capacity !== null ? row.waiting_list_enabled : openSessions.some((s) => s.waitingListEnabled);
    return waitingList
      ? 'Plus de place libre : la personne peut être inscrite sur la liste d’attente.'
      : 'Plus de place libre et pas de liste d’attente.';
  }
  return null;
}

/** The full service page. */
export async function serviceView(
  trx: Trx,
  row: ServiceRow,
  opts: { today: string; freshnessDays: number; canManage: boolean },
): Promise<ServiceView> {
  const t = row.territory_id;
  const [structure, owner, placesMap, sessions] = await Promise.all([
    trx
      .selectFrom('catalogue_structures')
      .select(['id', 'nom', 'adresse'])
      .where('territory_id', '=', t)
      .where('id', '=', row.structure_id)
      .executeTakeFirstOrThrow(),
    row.owner_organisation_id
      ? trx
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('territory_id', '=', t)
          .where('id', '=', row.owner_organisation_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    placesOf(trx as Kysely<DB>, t, [row.id], opts.today),
    trx
      .selectFrom('catalogue_sessions')
      .selectAll()
      .where('territory_id', '=', t)
      .where('service_id', '=', row.id)
      .where('status', 'in', ['ouverte', 'complete'])
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', opts.today)]))
      .orderBy('start_date')
      .orderBy('id')
      .limit(NEXT_SESSIONS)
      .execute(),
  ]);
  const places = placesMap.get(row.id);
  const di = serviceRowToDi(row);
  return {
    di,
    spie: {
      capacity: row.capacity,
      waitingListEnabled: row.waiting_list_enabled,
      acceptsReferrals: row.accepts_referrals,
      referralContact: {
        name: row.referral_contact_name,
        email: row.referral_contact_email,
        phone: row.referral_contact_phone,
      },
    },
    structure: { id: structure.id, nom: structure.nom, adresse: structure.adresse },
    owner: owner ? { id: owner.id, name: owner.name } : null,
    status: row.status as PublicationStatus,
    suspendedUntil: row.suspended_until === null ? null : String(row.suspended_until),
    quality: qualityOf(di, opts.today),
    stale: isStale(row.date_maj, opts.today, opts.freshnessDays),
    places: places
      ? toPlacesSummary(places)
      : { capacity: row.capacity, occupied: 0, waiting: 0, free: row.capacity },
    nextSessions: sessions.map((s) => toSession(s, places)),
    canManage: opts.canManage,
    referralBlockedReason: referralBlockedReason(row, places, opts.today),
    revision: row.revision,
  };
}

/** Every session of a service, by start date. */
export async function sessionsOf(trx: Trx, territoryId: string, serviceId: string, today: string) {
  const [rows, places] = await Promise.all([
    trx
      .selectFrom('catalogue_sessions')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('service_id', '=', serviceId)
      .orderBy('start_date')
      .orderBy('id')
      .execute(),
    placesOf(trx as Kysely<DB>, territoryId, [serviceId], today),
  ]);
  const p = places.get(serviceId);
  return rows.map((r) => toSession(r, p));
}

export async function sessionView(trx: Trx, row: SessionRow, today: string): Promise<Session> {
  const places = await placesOf(trx as Kysely<DB>, row.territory_id, [row.service_id], today);
  return toSession(row, places.get(row.service_id));
}

/* --- Owner's list ------------------------------------------------------------------------ */

export interface OwnedFilter {
  territoryId: string;
  /** null: every service of the territory (territory admin). */
  organisationId: string | null;
  status?: PublicationStatus | undefined;
  stale: boolean;
  after?: string | undefined;
  limit: number;
  today: string;
  freshnessDays: number;
}

export async function ownedServicesPage(trx: Trx, f: OwnedFilter) {
  const staleBefore = addDays(f.today, -f.freshnessDays);
  const cursor = decodeCursor(f.after, 2, (v) => typeof v[0] === 'string' && typeof v[1] === 'string');
  let base = trx.selectFrom('catalogue_services as s').where('s.territory_id', '=', f.territoryId);
  if (f.organisationId !== null) base = base.where('s.owner_organisation_id', '=', f.organisationId);

  let page = base
    .innerJoin('catalogue_structures as st', (j) =>
      j.onRef('st.territory_id', '=', 's.territory_id').onRef('st.id', '=', 's.structure_id'),
    )
    .select([
      's.id',
      's.nom',
      'st.nom as structure_nom',
      's.type',
      's.thematiques',
      's.commune',
      's.modes_accueil',
      's.frais',
      's.status',
      's.quality_score',
      's.date_maj',
      's.capacity',
    ]);
  if (f.status) page = page.where('s.status', '=', f.status);
  if (f.stale)
    page = page.where('s.date_maj', '<', staleBefore).where('s.status', 'in', ['publie', 'suspendu']);
  if (cursor) {
    const [nom, id] = cursor as [string, string];
    page = page.where((eb) =>
      eb.or([eb('s.nom', '>', nom), eb.and([eb('s.nom', '=', nom), eb('s.id', '>', id)])]),
    );
  }
  const [rows, counts] = await Promise.all([
    page
      .orderBy('s.nom')
      .orderBy('s.id')
      .limit(f.limit + 1)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .countAll<number>()
          .filterWhere((w) =>
            w.and([w('s.date_maj', '<', staleBefore), w('s.status', 'in', ['publie', 'suspendu'])]),
          )
          .as('stale'),
        eb.fn.countAll<number>().filterWhere('s.status', '=', 'suspendu').as('suspended'),
        eb.fn.countAll<number>().filterWhere('s.status', '=', 'brouillon').as('draft'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > f.limit;
  const items = rows.slice(0, f.limit);
  const places = await placesOf(
    trx as Kysely<DB>,
    f.territoryId,
    items.map((r) => r.id),
    f.today,
  );
  return {
    items: items.map((r) => {
      const p = places.get(r.id);
      const next = p?.sessions.find((s) => s.status === 'ouverte' && s.startDate >= f.today);
      return {
        id: r.id,
        nom: r.nom,
        structureNom: r.structure_nom,
        type: r.type as ServiceView['di']['type'],
        thematiques: r.thematiques ?? [],
        commune: r.commune,
        distanceKm: null,
        modesAccueil: r.modes_accueil ?? [],
        frais: r.frais as ServiceView['di']['frais'],
        status: r.status as PublicationStatus,
        qualityScore: Number(r.quality_score),
        freePlaces: p?.free ?? null,
        waiting: p?.waiting ?? 0,
        nextSessionStart: next?.startDate ?? null,
        stale: (r.status === 'publie' || r.status === 'suspendu') && String(r.date_maj) < staleBefore,
        dateMaj: String(r.date_maj),
        capacity: p?.capacity ?? r.capacity,
      };
    }),
    next:
      more && items.length > 0
        ? encodeCursor([items[items.length - 1]?.nom ?? '', items[items.length - 1]?.id ?? ''])
        : null,
    counts: {
      total: Number(counts.total),
      stale: Number(counts.stale),
      suspended: Number(counts.suspended),
      draft: Number(counts.draft),
    },
  };
}

/* --- Structures --------------------------------------------------------------------------- */

export async function structureViews(trx: Trx, rows: StructureRow[]): Promise<StructureView[]> {
  if (rows.length === 0) return [];
  const t = rows[0]?.territory_id ?? '';
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.owner_organisation_id).filter((v): v is string => !!v))];
  const [counts, owners] = await Promise.all([
    trx
      .selectFrom('catalogue_services')
      .select((eb) => ['structure_id', eb.fn.countAll<number>().as('n')])
      .where('territory_id', '=', t)
      .where('structure_id', 'in', ids)
      .groupBy('structure_id')
      .execute(),
    ownerIds.length
      ? trx
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('territory_id', '=', t)
          .where('id', 'in', ownerIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const n = new Map(counts.map((c) => [c.structure_id, Number(c.n)]));
  const names = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    di: structureRowToDi(r),
    ownerOrganisationId: r.owner_organisation_id,
    ownerOrganisationName: r.owner_organisation_id ? (names.get(r.owner_organisation_id) ?? null) : null,
    status: r.status as PublicationStatus,
    servicesCount: n.get(r.id) ?? 0,
    revision: r.revision,
  }));
}

export async function structuresPage(
  trx: Trx,
  territoryId: string,
  f: { q?: string | undefined; after?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(f.after, 2, (v) => typeof v[0] === 'string' && typeof v[1] === 'string');
  let q = trx.selectFrom('catalogue_structures').selectAll().where('territory_id', '=', territoryId);
  const text = f.q?.trim();
  if (text) {
    // The trigram index on spie_unaccent(lower(nom)).
    q = q.where(sql<boolean>`spie_unaccent(lower(nom)) like ${`%${searchLike(text)}%`}`);
  }
  if (cursor) {
    const [nom, id] = cursor as [string, string];
    q = q.where((eb) => eb.or([eb('nom', '>', nom), eb.and([eb('nom', '=', nom), eb('id', '>', id)])]));
  }
  const rows = await q
    .orderBy('nom')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
  const more = rows.length > f.limit;
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return {
    items: await structureViews(trx, items),
    next: more && last ? encodeCursor([last.nom, last.id]) : null,
  };
}

/** Lower case, no accents, LIKE wildcards escaped. */
const searchLike = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`);
