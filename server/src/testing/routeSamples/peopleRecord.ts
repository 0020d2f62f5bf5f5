import { createPersonFixture } from '../peopleFixtures';
import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/** A NIR with a valid key (fictional: order number 001), for the sample record. */
export const SAMPLE_NIR = '290059300800193';
const SAMPLE_BIRTH_NAME = 'Échantillon';

/** A person followed by Girard (référent, ALI Bobigny) with a NIR and an open RSA status. */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const recordPersonId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
    birthName: SAMPLE_BIRTH_NAME,
    firstNames: ['Alice'],
    birthDate: '1990-05-17',
  });
  await db
    .updateTable('persons')
    .set({
      nir_encrypted: ctx.deps.crypto.encrypt(SAMPLE_NIR),
      nir_index: ctx.deps.crypto.blindIndex(SAMPLE_NIR),
      nir_masked: '2 90 05 •• ••• ••• 93',
    })
    .where('id', '=', recordPersonId)
    .execute();
  const status = await db
    .insertInto('person_statuses')
    .values({
      territory_id: ids.territoryId,
      person_id: recordPersonId,
      kind: 'rsa',
      value: '2',
      start_date: '2026-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { recordPersonId, recordStatusId: status.id };
}

const identity = {
  civility: 'Mme',
  sex: 'F',
  birthName: 'Nouvelle',
  firstNames: ['Inès'],
  birthDate: '1992-03-04',
  communeCode: '93008',
  preferredChannel: 'letter',
};

/** Person record routes (identity, statuses, search, caseload, directory, duplicates). */
export const peopleRecordSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'people.search': 'scoped in SQL by visibleTo: a caller only finds the people they may see',
    'people.caseload': "one's own follow-ups (or one's organisation's for a structure manager)",
    'people.directory':
      'the territory directory is open to every professional by design (domain §8): minimal cards, sensitive follow-ups hidden',
    'people.findDuplicates':
      'duplicate check before creating a record: summaries only of readable records, else directory cards',
    'people.create': 'any professional may open a record; they join its team',
  },
  prepare,
  inputs: (ids) => ({
    'people.search': { query: { q: 'Echantillon' } },
    'people.caseload': {},
    'people.directory': { query: { lastName: 'Echantillon', birthDate: '1990-05-17' } },
    'people.findDuplicates': {
      body: {
        identity: { birthName: 'Echantillon', firstNames: ['Alice'], birthDate: '1990-05-17' },
        identifiers: {},
      },
    },
    'people.create': { body: { identity, identifiers: {}, confirmNotDuplicate: true } },
    'people.get': { params: { id: ids.recordPersonId ?? '' } },
    'people.updateIdentity': {
      params: { id: ids.recordPersonId ?? '' },
      body: {
        identity: {
          ...identity,
          birthName: SAMPLE_BIRTH_NAME,
          firstNames: ['Alice'],
          birthDate: '1990-05-17',
        },
        identifiers: {},
        version: 1,
      },
    },
    'people.updateHousehold': {
      params: { id: ids.recordPersonId ?? '' },
      body: { household: { dependentChildren: 1, childrenAgeBands: ['3-5'] }, version: 1 },
    },
    'people.revealNir': { params: { id: ids.recordPersonId ?? '' } },
    'people.addStatus': {
      params: { id: ids.recordPersonId ?? '' },
      body: { kind: 'rsa', value: '3', startDate: '2026-06-01' },
    },
    'people.endStatus': {
      params: { id: ids.recordPersonId ?? '', statusId: ids.recordStatusId ?? '' },
      body: { endDate: '2026-06-30' },
    },
  }),
};
