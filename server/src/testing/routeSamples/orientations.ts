import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/**
 * A person followed by Girard (référent, ALI Bobigny) with a notified orientation to ALI Bobigny
 * and a pending reorientation request; another person waiting « à orienter ».
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const person = async () =>
    (
      await db
        .insertInto('persons')
        .values({
          territory_id: t,
          sex: 'M',
          birth_name: 'Orienté',
          first_names: ['Paul'],
          birth_date: '1985-03-02',
          commune_code: '93008',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const followedId = await person();
  const waitingId = await person();
  await db
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: followedId,
      organisation_id: ids.organisationId,
      account_id: ids.accountId,
      role: 'referent',
      status: 'active',
      started_at: now,
    })
    .execute();
  const notified = await db
    .insertInto('orientations')
    .values({
      territory_id: t,
      person_id: followedId,
      status: 'notifiee',
      source: 'rsa',
      information_received_on: '2026-10-01',
      deadline: '2026-11-12',
      path: 'social',
      lead_kind: 'departement',
      organisation_id: ids.organisationId,
      decision_reason: 'Freins importants',
      decided_at: now,
      notified_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const waiting = await db
    .insertInto('orientations')
    .values({
      territory_id: t,
      person_id: waitingId,
      status: 'a_orienter',
      source: 'rsa',
      information_received_on: '2026-10-01',
      deadline: '2026-11-12',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = await db
    .insertInto('reorientation_requests')
    .values({
      territory_id: t,
      orientation_id: notified.id,
      person_id: followedId,
      status: 'demandee',
      reason: 'Projet professionnel prêt',
      proposed_path: 'emploi',
      requested_by_account_id: ids.accountId,
      requested_by_organisation_id: ids.organisationId,
      requested_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    orientedPersonId: followedId,
    waitingPersonId: waitingId,
    notifiedOrientationId: notified.id,
    waitingOrientationId: waiting.id,
    reorientationRequestId: request.id,
  };
}

export const orientationsSamples: RouteSampleSet = {
  openToTerritoryMembers: {},
  prepare,
  inputs: (ids) => {
    const decision = {
      path: 'social',
      leadKind: 'departement',
      organisationId: ids.organisationId,
      reason: 'Freins importants à lever d’abord',
    };
    return {
      'orientations.queue': {},
      'orientations.ofPerson': { params: { id: ids.orientedPersonId ?? '' } },
      'orientations.start': { params: { id: ids.orientedPersonId ?? '' }, body: { source: 'manual' } },
      'orientations.transition': {
        params: { id: ids.waitingOrientationId ?? '' },
        body: { action: 'decide', ...decision },
      },
      'orientations.bulkDecide': { body: { ...decision, orientationIds: [ids.waitingOrientationId] } },
      'orientations.toAssign': {},
      'orientations.requestReorientation': {
        params: { id: ids.notifiedOrientationId ?? '' },
        body: { reason: 'Projet prêt', proposedPath: 'emploi' },
      },
      'orientations.reorientationRequests': { query: { scope: 'pending' } },
      'orientations.acceptReorientation': {
        params: { id: ids.reorientationRequestId ?? '' },
        body: decision,
      },
      'orientations.refuseReorientation': {
        params: { id: ids.reorientationRequestId ?? '' },
        body: { reason: 'Pas maintenant' },
      },
      'orientations.indicators': { query: { from: '2026-01-01', to: '2026-12-31' } },
    };
  },
};
