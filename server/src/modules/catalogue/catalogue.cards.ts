import type { Frais, PublicationStatus, ServiceCard, ServiceType } from '@spie/contract/catalogue';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { placesOf } from './catalogue.places';

/** Where distances are measured from (a commune's centroid). */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface CardOptions {
  /** Today's date (ISO), for the places of running sessions and the next session. */
  today: string;
  /** When given, `distanceKm` is the distance from this point (1 decimal), else null. */
  from?: GeoPoint;
}

/** Distance in km, 1 decimal, between a point and a service's coordinates (null without coordinates). */
export const distanceKmSql = (from: GeoPoint) =>
  sql<number | null>`case when s.latitude is null or s.longitude is null then null
    else round((earth_distance(ll_to_earth(${from.latitude}::float8, ${from.longitude}::float8),
      ll_to_earth(s.latitude, s.longitude)) / 1000)::numeric, 1)::float8 end`;

interface CardRow {
  id: string;
  nom: string;
  structure_nom: string;
  type: string | null;
  thematiques: string[] | null;
  commune: string | null;
  modes_accueil: string[] | null;
  frais: string | null;
  status: string;
  quality_score: string | number;
  distance_km: number | string | null;
  next_session_start: string | Date | null;
}

const isoDateOf = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/**
 * The cards (search line) of the given services of a territory, in 2 + 3 queries whatever their
 * number: one for the service/structure fields, distance and next open session, then `placesOf`.
 * Unknown ids are absent from the map; the map keeps no order (callers order by their ids).
 */
export async function loadServiceCards(
  db: Kysely<DB>,
  territoryId: string,
  ids: readonly string[],
  options: CardOptions,
): Promise<Map<string, ServiceCard>> {
  const cards = new Map<string, ServiceCard>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return cards;
  const distance = options.from ? distanceKmSql(options.from) : sql<null>`null::float8`;

  const [rows, places] = await Promise.all([
    sql<CardRow>`
      select s.id, s.nom, st.nom as structure_nom, s.type, s.thematiques, s.commune, s.modes_accueil,
        s.frais, s.status, s.quality_score, ${distance} as distance_km,
        (select min(se.start_date) from catalogue_sessions se
          where se.territory_id = s.territory_id and se.service_id = s.id
            and se.status = 'ouverte' and se.start_date >= ${options.today}::date) as next_session_start
      from catalogue_services s
      join catalogue_structures st on st.territory_id = s.territory_id and st.id = s.structure_id
      where s.territory_id = ${territoryId} and s.id in (${sql.join(unique)})`.execute(db),
    placesOf(db, territoryId, unique, options.today),
  ]);

  for (const r of rows.rows) {
    const p = places.get(r.id);
    cards.set(r.id, {
      id: r.id,
      nom: r.nom,
      structureNom: r.structure_nom,
      type: r.type as ServiceType | null,
      thematiques: r.thematiques ?? [],
      commune: r.commune,
      distanceKm: r.distance_km === null ? null : Number(r.distance_km),
      modesAccueil: r.modes_accueil ?? [],
      frais: r.frais as Frais | null,
      status: r.status as PublicationStatus,
      qualityScore: Number(r.quality_score),
      freePlaces: p?.free ?? null,
      waiting: p?.waiting ?? 0,
      nextSessionStart: isoDateOf(r.next_session_start),
    });
  }
  return cards;
}
