import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/**
 * A person followed by Girard (référent, ALI Bobigny) with a notified orientation and an
 * engagement contract proposed to them: one objective, one action, one adjustment, an open
 * signature link (its token is known: `contractSignatureToken`).
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'F',
      birth_name: 'Contractante',
      first_names: ['Nadia'],
      birth_date: '1988-06-12',
      commune_code: '93008',
      preferred_channel: 'sms',
      phone_mobile: '0611223344',
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
  const { id: contractId } = await db
    .insertInto('engagement_contracts')
    .values({
      territory_id: t,
      person_id: personId,
      kind: 'engagement',
      status: 'propose',
      organisation_id: ids.organisationId,
      referent_account_id: ids.accountId,
      start_on: '2026-11-02',
      end_on: '2027-05-01',
      created_by_account_id: ids.accountId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: objectiveId } = await db
    .insertInto('contract_objectives')
    .values({
      territory_id: t,
      contract_id: contractId,
      person_id: personId,
      position: 1,
      label: 'Rédiger un CV à jour',
      theme: 'preparer_sa_candidature',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: actionId } = await db
    .insertInto('contract_actions')
    .values({
      territory_id: t,
      contract_id: contractId,
      objective_id: objectiveId,
      person_id: personId,
      position: 1,
      label: 'Atelier CV',
      planned_start: '2026-11-02',
      planned_weekly_hours: 3,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: adjustmentId } = await db
    .insertInto('activity_adjustments')
    .values({
      territory_id: t,
      contract_id: contractId,
      person_id: personId,
      kind: 'dispense',
      ground: 'sante',
      hours: 0,
      start_on: '2026-11-02',
      end_on: '2026-11-30',
      recorded_by_account_id: ids.accountId,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    contractPersonId: personId,
    contractId,
    contractObjectiveId: objectiveId,
    contractActionId: actionId,
    contractAdjustmentId: adjustmentId,
  };
}

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const contractsSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    // Lists only the caller's own people (or their organisation's, for a structure manager).
    'contracts.worklist': 'each professional’s own list: their people only',
    'contracts.issueLinks': 'bulk issue: each contract is checked, the others are skipped with a reason',
  },
  prepare,
  inputs: (ids) => {
    const contract = { params: { id: ids.contractId ?? '' } };
    const objective = { params: { id: ids.contractId ?? '', objectiveId: ids.contractObjectiveId ?? '' } };
    const action = { params: { id: ids.contractActionId ?? '' } };
    const person = { params: { id: ids.contractPersonId ?? '' } };
    return {
      'contracts.ofPerson': person,
      'contracts.needs': person,
      'contracts.create': { ...person, body: { startOn: '2026-11-02', endOn: '2027-05-01' } },
      'contracts.recordLegacy': {
        ...person,
        body: {
          kind: 'cer',
          organisationId: null,
          organisationName: 'CCAS',
          startOn: '2026-01-01',
          endOn: null,
          signedOn: null,
          running: true,
          note: null,
        },
      },
      'contracts.get': contract,
      'contracts.update': {
        ...contract,
        body: {
          revision: 1,
          startOn: '2026-11-02',
          endOn: '2027-05-01',
          weeklyTargetHours: 15,
          organisationCommitments: [],
          nextAppointment: null,
          reviewExtensionReason: null,
          note: null,
        },
      },
      'contracts.transition': { ...contract, body: { action: 'withdraw' } },
      'contracts.addObjective': { ...contract, body: { code: null, label: 'Objectif', theme: 'sante' } },
      'contracts.updateObjective': { ...objective, body: { status: 'atteint', statusReason: null } },
      'contracts.removeObjective': objective,
      'contracts.addAction': {
        ...objective,
        body: {
          code: null,
          label: 'Action',
          responsibleOrganisationId: null,
          plannedStart: '2026-11-02',
          plannedEnd: null,
          plannedWeeklyHours: 2,
        },
      },
      'contracts.updateAction': { ...action, body: { status: 'en_cours' } },
      'contracts.removeAction': action,
      'contracts.addAdjustment': {
        ...contract,
        body: {
          kind: 'dispense',
          ground: 'sante',
          justification: null,
          hours: null,
          startOn: '2026-11-02',
          endOn: '2026-11-30',
        },
      },
      'contracts.removeAdjustment': {
        params: { id: ids.contractId ?? '', adjustmentId: ids.contractAdjustmentId ?? '' },
      },
      'contracts.recordHours': { ...action, body: { weekStart: '2026-10-26', hours: 3 } },
      'contracts.weeklyActivity': person,
      'contracts.week': { params: { id: ids.contractId ?? '', weekStart: '2026-11-02' } },
      'contracts.worklist': { query: { list: 'a_signer' } },
      'contracts.issueLink': { ...contract, body: { channel: 'sms' } },
      'contracts.issueLinks': { body: { contractIds: [ids.contractId] } },
      // Public routes (the person, no account): listed in routePermissions.test.ts.
      'contracts.publicSignature': { params: { token: TOKEN } },
      'contracts.publicSendCode': { params: { token: TOKEN }, body: { channel: 'sms' } },
      'contracts.publicVerifyCode': { params: { token: TOKEN }, body: { code: '123456' } },
      'contracts.publicSign': { params: { token: TOKEN }, body: { ticket: 'x'.repeat(40), accepted: true } },
    };
  },
};
