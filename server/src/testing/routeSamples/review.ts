import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/**
 * A person followed by Girard (référent, ALI Bobigny), last contacted 100 days ago, with an open
 * « perdu·e de vue » alert and a « point de situation ».
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const lastContact = new Date(now.getTime() - 100 * 86_400_000);
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'M',
      birth_name: 'Revu',
      first_names: ['Paul'],
      birth_date: '1984-03-09',
      commune_code: '93008',
      preferred_channel: 'sms',
      phone_mobile: '0622334455',
      last_contact_at: lastContact,
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
      started_at: lastContact,
    })
    .execute();
  const { id: alertId } = await db
    .insertInto('alerts')
    .values({
      territory_id: t,
      person_id: personId,
      rule_id: 'lost_contact',
      episode_key: `contact:${lastContact.toISOString().slice(0, 10)}`,
      severity: 'haute',
      details: JSON.stringify({ lastContactOn: lastContact.toISOString().slice(0, 10), days: 90 }),
      since: '2026-11-01',
      opened_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('situation_reviews')
    .values({
      territory_id: t,
      person_id: personId,
      account_id: ids.accountId,
      organisation_id: ids.organisationId,
      reviewed_on: '2026-10-01',
      situation: 'Recherche d’emploi dans la logistique',
      next_step: 'Atelier CV',
      next_step_on: '2026-11-15',
      with_person: true,
      created_at: now,
    })
    .execute();
  return { reviewPersonId: personId, reviewAlertId: alertId };
}

export const reviewSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'review.caseload': 'each member’s own caseload: only the people they follow themselves',
    'review.caseloadCsv': 'each member’s own caseload as a file: only the people they follow themselves',
    'review.rules':
      'the territory’s alert rules and their parameters: the same for every member, no personal data',
  },
  prepare,
  inputs: (ids) => {
    const person = { params: { id: ids.reviewPersonId ?? '' } };
    const alert = { params: { id: ids.reviewAlertId ?? '' } };
    return {
      'review.caseload': { query: {} },
      'review.caseloadCsv': { query: {} },
      'review.personAlerts': person,
      'review.alert': alert,
      'review.acknowledge': { ...alert, body: { note: 'Appel prévu lundi', nextStepOn: '2026-11-10' } },
      'review.snooze': {
        ...alert,
        body: { until: '2026-12-01', reason: 'En formation jusqu’à fin novembre' },
      },
      'review.unsnooze': alert,
      'review.recordContact': { ...person, body: { kind: 'appel', occurredOn: '2026-11-02' } },
      'review.situationReviews': person,
      'review.addSituationReview': {
        ...person,
        body: {
          situation: 'En recherche active',
          nextStep: 'Atelier CV',
          nextStepOn: '2026-11-20',
          withPerson: true,
        },
      },
      // Structure managers, territory admins and steering viewers only.
      'review.overview': { query: { scope: 'organisation' } },
      'review.coverage': { query: { scope: 'organisation' } },
      'review.rules': {},
      'review.updateRule': { params: { ruleId: 'no_contact' }, body: { params: { days: 45 } } },
      'review.recompute': {},
    };
  },
};
