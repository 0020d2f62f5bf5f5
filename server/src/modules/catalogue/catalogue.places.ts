import type { PlacesSummary } from '@spie/contract/catalogue';
import { occupyingStatuses } from '@spie/contract/referrals';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Places of services and of their sessions, in two grouped queries whatever the number of services
 * (search pages, owner lists, the referral check, occupancy all read them from here):
 * - a service's places = its `capacity` when set, else the sum of the places of its sessions that are
 *   neither cancelled nor over; null when neither counts places;
 * - occupied = referrals holding a place (`acceptee | entree | en_cours`), waiting = `en_liste_d_attente`;
 * - a session's figures count only that session's referrals.
 */
export interface SessionPlaces extends PlacesSummary {
  sessionId: string;
  status: string;
  startDate: string;
  endDate: string | null;
  waitingListEnabled: boolean;
}
export interface ServicePlaces extends PlacesSummary {
  serviceId: string;
  sessions: SessionPlaces[];
}

const free = (places: number | null, occupied: number) =>
  places === null ? null : Math.max(places - occupied, 0);

export async function placesOf(
  db: Kysely<DB>,
  territoryId: string,
  serviceIds: readonly string[],
  today: string,
): Promise<Map<string, ServicePlaces>> {
  const result = new Map<string, ServicePlaces>();
  if (serviceIds.length === 0) return result;
  const ids = [...new Set(serviceIds)];

  const [services, sessions, counts] = await Promise.all([
    db
      .selectFrom('catalogue_services')
      .select(['id', 'capacity'])
      .where('territory_id', '=', territoryId)
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('catalogue_sessions')
      .select(['id', 'service_id', 'places', 'status', 'start_date', 'end_date', 'waiting_list_enabled'])
      .where('territory_id', '=', territoryId)
      .where('service_id', 'in', ids)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('referrals')
      .select((eb) => [
        'service_id',
        'session_id',
        eb.fn
          .countAll<number>()
          .filterWhere('status', 'in', [...occupyingStatuses])
          .as('occupied'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'en_liste_d_attente').as('waiting'),
      ])
      .where('territory_id', '=', territoryId)
      .where('service_id', 'in', ids)
      .where('status', 'in', [...occupyingStatuses, 'en_liste_d_attente'])
      .groupBy(['service_id', 'session_id'])
      .execute(),
  ]);

  const bySession = new Map<string, { occupied: number; waiting: number }>();
  const byService = new Map<string, { occupied: number; waiting: number }>();
  for (const c of counts) {
    const occupied = Number(c.occupied);
    const waiting = Number(c.waiting);
    if (c.session_id) bySession.set(c.session_id, { occupied, waiting });
    const s = byService.get(c.service_id) ?? { occupied: 0, waiting: 0 };
    byService.set(c.service_id, { occupied: s.occupied + occupied, waiting: s.waiting + waiting });
  }

  for (const s of services) {
    result.set(s.id, {
      serviceId: s.id,
      capacity: s.capacity,
      occupied: 0,
      waiting: 0,
      free: null,
      sessions: [],
    });
  }
  for (const row of sessions) {
    const target = result.get(row.service_id);
    if (!target) continue;
    const c = bySession.get(row.id) ?? { occupied: 0, waiting: 0 };
    target.sessions.push({
      sessionId: row.id,
      status: row.status,
      startDate: String(row.start_date),
      endDate: row.end_date === null ? null : String(row.end_date),
      waitingListEnabled: row.waiting_list_enabled,
      capacity: row.places,
      occupied: c.occupied,
      waiting: c.waiting,
      free: free(row.places, c.occupied),
    });
  }
  for (const target of result.values()) {
    const c = byService.get(target.serviceId) ?? { occupied: 0, waiting: 0 };
    target.occupied = c.occupied;
    target.waiting = c.waiting;
    if (target.capacity === null) {
      const counted = target.sessions.filter(
        (s) =>
          s.capacity !== null &&
          s.status !== 'annulee' &&
          s.status !== 'terminee' &&
          (s.endDate === null || s.endDate >= today),
      );
      target.capacity = counted.length > 0 ? counted.reduce((n, s) => n + (s.capacity ?? 0), 0) : null;
    }
    target.free = free(target.capacity, target.occupied);
  }
  return result;
}

/** The places figures as the contract shows them. */
export const toPlacesSummary = (p: PlacesSummary): PlacesSummary => ({
  capacity: p.capacity,
  occupied: p.occupied,
  waiting: p.waiting,
  free: p.free,
});
