import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/**
 * A person followed by Girard (référent, ALI Bobigny) referred by him to a published service of
 * « Apprendre le français » (another organisation of the territory, the receiving one).
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const receiver = await db
    .selectFrom('organisations')
    .select('id')
    .where('territory_id', '=', t)
    .where('name', 'like', 'Apprendre le français%')
    .executeTakeFirstOrThrow();
  const structureId = 'spie-93--refstructure';
  const serviceId = 'spie-93--refservice';
  await db
    .insertInto('catalogue_structures')
    .values({
      territory_id: t,
      id: structureId,
      source: 'spie-93',
      nom: 'Apprendre le français — ateliers',
      date_maj: '2026-10-01',
      owner_organisation_id: receiver.id,
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
      nom: 'Atelier de français à visée professionnelle',
      description: 'Cours de français',
      date_maj: '2026-10-01',
      status: 'publie',
      owner_organisation_id: receiver.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'F',
      birth_name: 'Prescrite',
      first_names: ['Nadia'],
      birth_date: '1988-02-03',
      commune_code: '93008',
      preferred_channel: 'sms',
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
  const { id: referralId } = await db
    .insertInto('referrals')
    .values({
      territory_id: t,
      person_id: personId,
      service_id: serviceId,
      sender_account_id: ids.accountId,
      sender_organisation_id: ids.organisationId,
      receiving_organisation_id: receiver.id,
      status: 'envoyee',
      reason: 'Améliorer son français pour chercher un emploi.',
      consent_at: now,
      expires_at: new Date(now.getTime() + 30 * 86_400_000),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { referralPersonId: personId, referralServiceId: serviceId, referralId };
}

const TOKEN = 'jeton-inconnu-de-prescription-0123456789';

/** Route-permission samples of the referrals module. */
export const referralsSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'referrals.received': 'lists only the referrals received by the caller’s own organisation',
    'referrals.sent': 'lists only the referrals sent by the caller (or their organisation)',
  },
  prepare,
  inputs: (ids) => ({
    'referrals.ofPerson': { params: { id: ids.referralPersonId as string } },
    'referrals.create': {
      params: { id: ids.referralPersonId as string },
      body: {
        serviceId: ids.referralServiceId,
        reason: 'Améliorer son français pour chercher un emploi.',
        consent: true,
      },
    },
    'referrals.get': { params: { id: ids.referralId as string } },
    'referrals.transition': {
      params: { id: ids.referralId as string },
      body: { action: 'accept', revision: 1 },
    },
    'referrals.recordAttendance': {
      params: { id: ids.referralId as string },
      body: { week: '2026-10-26', hours: 5 },
    },
    'referrals.received': { query: {} },
    'referrals.sent': { query: {} },
    'referrals.issueLink': { params: { id: ids.referralId as string }, body: {} },
    'referrals.publicGet': { params: { token: TOKEN } },
    'referrals.publicTransition': { params: { token: TOKEN }, body: { action: 'accept', revision: 1 } },
    'referrals.publicAttendance': { params: { token: TOKEN }, body: { week: '2026-10-26', hours: 5 } },
    'referrals.publicRenew': { params: { token: TOKEN }, body: {} },
  }),
};
