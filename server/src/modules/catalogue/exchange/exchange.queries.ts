import type { DiService, DiStructure, ImportKind } from '@spie/contract/catalogue';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { serviceRowToDi, structureRowToDi } from '../catalogue.mapping';

/*
 * Reads of published data·inclusion rows, by keyset on (territory_id, id): the export (one
 * territory) and the public API (all territories). Only data·inclusion columns are selected,
 * never SPIE's additions.
 */

const SERVICE_FIELDS = [
  'id',
  'source',
  'structure_id',
  'nom',
  'description',
  'date_maj',
  'type',
  'thematiques',
  'publics',
  'publics_precisions',
  'conditions_acces',
  'frais',
  'frais_precisions',
  'modes_accueil',
  'zone_eligibilite',
  'modes_mobilisation',
  'mobilisable_par',
  'mobilisation_precisions',
  'lien_mobilisation',
  'lien_source',
  'contact_nom_prenom',
  'telephone',
  'courriel',
  'horaires_accueil',
  'volume_horaire_hebdomadaire',
  'nombre_semaines',
  'adresse',
  'complement_adresse',
  'commune',
  'code_postal',
  'code_insee',
  'latitude',
  'longitude',
] as const;
const STRUCTURE_FIELDS = [
  'id',
  'source',
  'nom',
  'date_maj',
  'siret',
  'telephone',
  'courriel',
  'site_web',
  'lien_source',
  'horaires_accueil',
  'accessibilite_lieu',
  'reseaux_porteurs',
  'description',
  'adresse',
  'complement_adresse',
  'commune',
  'code_postal',
  'code_insee',
  'latitude',
  'longitude',
] as const;

/** Empty lists and texts become null: the schema refuses `[]` where at least one item is required. */
function clean<T extends object>(di: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(di)) {
    out[k] = (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && v.trim() === '') ? null : v;
  }
  return out as T;
}

export interface PublishedFilter {
  territoryId?: string;
  /** Département code: prefix of code_insee. */
  departement?: string;
}

export type PublishedKey = [territoryId: string, id: string];

export async function publishedServices(
  db: Kysely<DB>,
  filter: PublishedFilter,
  after: PublishedKey | null,
  size: number,
): Promise<{ key: PublishedKey; di: DiService }[]> {
  const rows = await db
    .selectFrom('catalogue_services')
    .select(['territory_id', ...SERVICE_FIELDS])
    .where('status', '=', 'publie')
    .$if(filter.territoryId !== undefined, (q) => q.where('territory_id', '=', filter.territoryId as string))
    .$if(filter.departement !== undefined, (q) => q.where('code_insee', 'like', `${filter.departement}%`))
    .$if(after !== null, (q) =>
      q.where(
        sql<boolean>`(territory_id, id) > (${(after as PublishedKey)[0]}::uuid, ${(after as PublishedKey)[1]})`,
      ),
    )
    .orderBy('territory_id')
    .orderBy('id')
    .limit(size)
    .execute();
  return rows.map((r) => ({ key: [r.territory_id, r.id], di: clean(serviceRowToDi(r)) }));
}

const structurePublished = sql<boolean>`(catalogue_structures.status = 'publie' or exists (
  select 1 from catalogue_services s
  where s.territory_id = catalogue_structures.territory_id and s.structure_id = catalogue_structures.id
    and s.status = 'publie'))`;

export async function publishedStructures(
  db: Kysely<DB>,
  filter: PublishedFilter,
  after: PublishedKey | null,
  size: number,
): Promise<{ key: PublishedKey; di: DiStructure }[]> {
  const rows = await db
    .selectFrom('catalogue_structures')
    .select(['territory_id', ...STRUCTURE_FIELDS])
    .where(structurePublished)
    .$if(filter.territoryId !== undefined, (q) => q.where('territory_id', '=', filter.territoryId as string))
    .$if(filter.departement !== undefined, (q) => q.where('code_insee', 'like', `${filter.departement}%`))
    .$if(after !== null, (q) =>
      q.where(
        sql<boolean>`(territory_id, id) > (${(after as PublishedKey)[0]}::uuid, ${(after as PublishedKey)[1]})`,
      ),
    )
    .orderBy('territory_id')
    .orderBy('id')
    .limit(size)
    .execute();
  return rows.map((r) => ({ key: [r.territory_id, r.id], di: clean(structureRowToDi(r)) }));
}

export async function countPublished(
  db: Kysely<DB>,
  kind: ImportKind,
  filter: PublishedFilter,
): Promise<number> {
  const table = kind === 'services' ? 'catalogue_services' : 'catalogue_structures';
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(kind === 'services' ? sql<boolean>`status = 'publie'` : structurePublished)
    .$if(filter.territoryId !== undefined, (q) => q.where('territory_id', '=', filter.territoryId as string))
    .$if(filter.departement !== undefined, (q) => q.where('code_insee', 'like', `${filter.departement}%`))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every published row of a territory, by batches (for the export). */
export async function* publishedBatches(
  db: Kysely<DB>,
  kind: ImportKind,
  territoryId: string,
  batchSize = 1000,
): AsyncGenerator<(DiService | DiStructure)[]> {
  let after: PublishedKey | null = null;
  for (;;) {
    const page: { key: PublishedKey; di: DiService | DiStructure }[] =
      kind === 'services'
        ? await publishedServices(db, { territoryId }, after, batchSize)
        : await publishedStructures(db, { territoryId }, after, batchSize);
    if (page.length === 0) return;
    yield page.map((p) => p.di);
    if (page.length < batchSize) return;
    after = page[page.length - 1]?.key ?? null;
  }
}
