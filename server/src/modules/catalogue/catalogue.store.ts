import { randomUUID } from 'node:crypto';
import type { DiService, DiStructure, ServiceSpie } from '@spie/contract/catalogue';
import type { TerritorySettings } from '@spie/contract/territories';
import { defaultTerritorySettings, territorySettings } from '@spie/contract/territories';
import type { Transaction } from 'kysely';
import { searchText } from '../../db/referenceData';
import type { DB } from '../../db/schema';
import { conflict, notFound } from '../../kernel/errors';
import { diServiceToRow, diStructureToRow, type ServiceRow, type StructureRow } from './catalogue.mapping';
import { qualityOf } from './quality';

type Trx = Transaction<DB>;

/** Optimistic concurrency of catalogue writes. */
export const staleRevision = (current: number) =>
  conflict(
    'catalogue.stale_revision',
    'Quelqu’un a modifié ces informations pendant que vous les modifiiez. Rechargez la page pour voir la version actuelle, puis refaites vos changements.',
    { current },
  );

export const serviceNotFound = () => notFound('catalogue.service_not_found', 'Service introuvable.');
export const structureNotFound = () => notFound('catalogue.structure_not_found', 'Structure introuvable.');
export const sessionNotFound = () => notFound('catalogue.session_not_found', 'Session introuvable.');

export async function loadServiceRow(
  trx: Trx,
  territoryId: string,
  id: string,
  forUpdate = false,
): Promise<ServiceRow> {
  let q = trx
    .selectFrom('catalogue_services')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw serviceNotFound();
  return row;
}

export async function findServiceRow(trx: Trx, territoryId: string, id: string): Promise<ServiceRow | null> {
  return (
    (await trx
      .selectFrom('catalogue_services')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function loadStructureRow(
  trx: Trx,
  territoryId: string,
  id: string,
  forUpdate = false,
): Promise<StructureRow> {
  let q = trx
    .selectFrom('catalogue_structures')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw structureNotFound();
  return row;
}

export async function findStructureRow(
  trx: Trx,
  territoryId: string,
  id: string,
): Promise<StructureRow | null> {
  return (
    (await trx
      .selectFrom('catalogue_structures')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function territoryCode(trx: Trx, territoryId: string): Promise<string> {
  const row = await trx
    .selectFrom('territories')
    .select('code')
    .where('id', '=', territoryId)
    .executeTakeFirstOrThrow();
  return row.code;
}

export async function catalogueSettings(trx: Trx, territoryId: string): Promise<TerritorySettings> {
  const row = await trx
    .selectFrom('territories')
    .select('settings')
    .where('id', '=', territoryId)
    .executeTakeFirst();
  const parsed = territorySettings.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : defaultTerritorySettings;
}

/** `spie-<territory code>--<short id>` and source `spie-<territory code>`. */
export function newSpieId(code: string): { id: string; source: string } {
  const source = `spie-${code.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
  return { id: `${source}--${randomUUID().replace(/-/g, '').slice(0, 12)}`, source };
}

/** Text the trigram search reads: name, structure name, description, without accents. */
export const serviceSearchText = (nom: string, structureNom: string, description: string) =>
  searchText(`${nom} ${structureNom} ${description}`);

/** SPIE's columns of a service from the contract's `spie` part. */
export const spieToRow = (spie: ServiceSpie) => ({
  capacity: spie.capacity,
  waiting_list_enabled: spie.waitingListEnabled,
  accepts_referrals: spie.acceptsReferrals,
  referral_contact_name: spie.referralContact.name,
  referral_contact_email: spie.referralContact.email,
  referral_contact_phone: spie.referralContact.phone,
});

export async function insertService(
  trx: Trx,
  territoryId: string,
  di: DiService,
  spie: ServiceSpie,
  extra: { ownerOrganisationId: string | null; structureNom: string; today: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('catalogue_services')
    .values({
      territory_id: territoryId,
      ...diServiceToRow(di),
      ...spieToRow(spie),
      owner_organisation_id: extra.ownerOrganisationId,
      status: 'brouillon',
      quality_score: qualityOf(di, extra.today).score,
      search_text: serviceSearchText(di.nom, extra.structureNom, di.description),
      created_at: extra.now,
      updated_at: extra.now,
    })
    .execute();
}

/** Rewrites the data·inclusion and SPIE fields of a service (id, source, owner and status kept). */
export async function updateServiceFields(
  trx: Trx,
  row: ServiceRow,
  di: DiService,
  spie: ServiceSpie,
  extra: { structureNom: string; today: string; now: Date },
): Promise<void> {
  const { id: _id, source: _source, ...fields } = diServiceToRow(di);
  await trx
    .updateTable('catalogue_services')
    .set({
      ...fields,
      ...spieToRow(spie),
      quality_score: qualityOf(di, extra.today).score,
      search_text: serviceSearchText(di.nom, extra.structureNom, di.description),
      freshness_reminded_at: null,
      revision: row.revision + 1,
      updated_at: extra.now,
    })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
}

/** Status, suspension or freshness changes: anything but the described fields. */
export async function patchService(
  trx: Trx,
  row: ServiceRow,
  set: {
    status?: string;
    suspended_until?: string | null;
    status_reason?: string | null;
    date_maj?: string;
    quality_score?: number;
    freshness_reminded_at?: Date | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('catalogue_services')
    .set({ ...set, revision: row.revision + 1, updated_at: now })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
}

export async function insertStructure(
  trx: Trx,
  territoryId: string,
  di: DiStructure,
  ownerOrganisationId: string | null,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('catalogue_structures')
    .values({
      territory_id: territoryId,
      ...diStructureToRow(di),
      owner_organisation_id: ownerOrganisationId,
      status: 'publie',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateStructureFields(
  trx: Trx,
  row: StructureRow,
  di: DiStructure,
  ownerOrganisationId: string | null,
  now: Date,
): Promise<void> {
  const { id: _id, source: _source, ...fields } = diStructureToRow(di);
  await trx
    .updateTable('catalogue_structures')
    .set({
      ...fields,
      owner_organisation_id: ownerOrganisationId,
      revision: row.revision + 1,
      updated_at: now,
    })
    .where('territory_id', '=', row.territory_id)
    .where('id', '=', row.id)
    .execute();
  if (di.nom !== row.nom) {
    // The services' search text carries the structure's name.
    const services = await trx
      .selectFrom('catalogue_services')
      .select(['id', 'nom', 'description'])
      .where('territory_id', '=', row.territory_id)
      .where('structure_id', '=', row.id)
      .execute();
    for (const s of services) {
      await trx
        .updateTable('catalogue_services')
        .set({ search_text: serviceSearchText(s.nom, di.nom, s.description) })
        .where('territory_id', '=', row.territory_id)
        .where('id', '=', s.id)
        .execute();
    }
  }
}

/** An organisation of the territory (null when unknown). */
export async function organisationName(trx: Trx, territoryId: string, id: string): Promise<string | null> {
  const row = await trx
    .selectFrom('organisations')
    .select('name')
    .where('territory_id', '=', territoryId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** The ServiceUpdated event (no personal data). */
export const serviceUpdated = (territoryId: string, serviceId: string, change: string) => ({
  type: 'ServiceUpdated',
  territoryId,
  payload: { serviceId, change },
});
