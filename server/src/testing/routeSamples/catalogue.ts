import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/**
 * A structure and a published service owned by Girard's organisation (ALI Bobigny), with one
 * session, and a person Girard follows (for « offers for this person »).
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const structureId = 'spie-93--permstructure';
  const serviceId = 'spie-93--permservice';
  await db
    .insertInto('catalogue_structures')
    .values({
      territory_id: t,
      id: structureId,
      source: 'spie-93',
      nom: 'Auto-école solidaire de Bobigny',
      date_maj: '2026-10-01',
      owner_organisation_id: ids.organisationId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('catalogue_services')
    .values({
      territory_id: t,
      id: serviceId,
      structure_id: structureId,
      source: 'spie-93',
      nom: 'Permis de conduire accompagné',
      description: 'Préparation au permis B pour les personnes en parcours d’insertion.',
      date_maj: '2026-10-01',
      thematiques: ['mobilite--preparer-un-permis'],
      modes_accueil: ['en-presentiel'],
      owner_organisation_id: ids.organisationId,
      status: 'publie',
      capacity: 10,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const { id: sessionId } = await db
    .insertInto('catalogue_sessions')
    .values({
      territory_id: t,
      service_id: serviceId,
      start_date: '2026-12-01',
      places: 8,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'F',
      birth_name: 'Catalogue',
      first_names: ['Inès'],
      birth_date: '1990-05-06',
      commune_code: '93008',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: personId,
      organisation_id: ids.organisationId,
      account_id: ids.accountId,
      role: 'referent',
      status: 'active',
      started_at: now,
    })
    .execute();
  return {
    catalogueStructureId: structureId,
    catalogueServiceId: serviceId,
    catalogueSessionId: sessionId,
    cataloguePersonId: personId,
  };
}

const serviceBody = (structureId: string) => ({
  di: {
    structure_id: structureId,
    nom: 'Atelier code de la route',
    description: 'Séances collectives pour préparer l’examen du code de la route.',
  },
  spie: { capacity: 12 },
});
const structureDi = { nom: 'Association Mobilité 93' };
const session = { startDate: '2027-01-04', places: 6 };

/** Route-permission samples of the catalogue module (all 22 routes). */
export const catalogueSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'catalogue.search': 'the catalogue of offers is read by every member of the territory; no personal data',
    'catalogue.getService':
      'a published service page is read by every member of the territory; no personal data',
    'catalogue.sessions': 'the sessions of a published service are read by every member; no personal data',
    'catalogue.structures':
      'the catalogue’s structures are read by every member of the territory; no personal data',
    'catalogue.getStructure': 'a structure of the catalogue is read by every member; no personal data',
    'catalogue.export': 'the published catalogue, as data·inclusion files: public data, no personal data',
    'catalogue.ownedServices':
      'each member sees only their own organisation’s services (empty list otherwise)',
  },
  prepare,
  inputs: (ids) => {
    const service = { id: ids.catalogueServiceId ?? '' };
    const structure = { id: ids.catalogueStructureId ?? '' };
    return {
      'catalogue.search': { query: { q: 'permis' } },
      'catalogue.getService': { params: service },
      'catalogue.createService': { body: serviceBody(ids.catalogueStructureId ?? '') },
      'catalogue.updateService': {
        params: service,
        body: { ...serviceBody(ids.catalogueStructureId ?? ''), revision: 1 },
      },
      'catalogue.changeServiceStatus': {
        params: service,
        body: { status: 'suspendu', until: '2026-12-31', revision: 1 },
      },
      'catalogue.markUpToDate': { params: service, body: { revision: 1 } },
      'catalogue.ownedServices': { query: {} },
      'catalogue.sessions': { params: service },
      'catalogue.createSession': { params: service, body: session },
      'catalogue.updateSession': {
        params: { ...service, sessionId: ids.catalogueSessionId ?? '' },
        body: { session, revision: 1 },
      },
      'catalogue.waitingList': { params: service },
      'catalogue.structures': { query: {} },
      'catalogue.getStructure': { params: structure },
      'catalogue.createStructure': { body: { di: structureDi, ownerOrganisationId: ids.organisationId } },
      'catalogue.updateStructure': {
        params: structure,
        body: { di: structureDi, ownerOrganisationId: ids.organisationId, revision: 1 },
      },
      'catalogue.personOffers': { params: { id: ids.cataloguePersonId ?? '' } },
      // The file as a JSON string (the route reads a raw body; a string reaches the use case).
      'catalogue.import': { query: { kind: 'services', format: 'json', dryRun: 'true' }, body: '[]' },
      'catalogue.export': { query: { kind: 'services', format: 'json' } },
      'catalogue.occupancy': { query: {} },
      'catalogue.publicStructures': { query: {} },
      'catalogue.publicServices': { query: {} },
    };
  },
};
