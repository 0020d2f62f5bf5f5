import { accountIdByLastName } from '../fixtures';
import { createPersonFixture } from '../peopleFixtures';
import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/** The smallest valid PDF signature the type check accepts. */
export const SAMPLE_PDF_BASE64 = Buffer.from(
  '%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
).toString('base64');

async function membershipOf(ctx: TestContext, lastName: string) {
  return ctx.deps.database.db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', 'm.organisation_id'])
    .where('a.last_name', '=', lastName)
    .where('m.ended_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/**
 * A person followed by Girard (référent, ALI Bobigny) with a pending invitation, a join request,
 * a document and a consent; a second record of Girard's to merge; an earlier merge to undo.
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const teamPersonId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
  const teamDuplicateId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
  const mergedKeptId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
  const mergedAwayId = await createPersonFixture(ctx, []);
  const cohen = await membershipOf(ctx, 'Cohen');
  const petit = await membershipOf(ctx, 'Petit');
  const girardFollowUp = await db
    .selectFrom('follow_ups')
    .select('id')
    .where('person_id', '=', teamPersonId)
    .executeTakeFirstOrThrow();
  const invitation = await db
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: teamPersonId,
      organisation_id: cohen.organisation_id,
      account_id: cohen.account_id,
      role: 'intervenant',
      status: 'invited',
      reason: 'Accompagnement vers l’emploi',
      created_by_account_id: ids.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = await db
    .insertInto('follow_ups')
    .values({
      territory_id: t,
      person_id: teamPersonId,
      organisation_id: petit.organisation_id,
      account_id: petit.account_id,
      role: 'intervenant',
      status: 'requested',
      reason: 'Atelier collectif',
      created_by_account_id: petit.account_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await db
    .insertInto('documents')
    .values({
      territory_id: t,
      person_id: teamPersonId,
      category: 'certificate',
      section: 'documents',
      filename: 'attestation.pdf',
      content_type: 'application/pdf',
      size_bytes: 4,
      sha256: '0'.repeat(64),
      content: Buffer.from('%PDF'),
      uploaded_by_account_id: ids.accountId,
      organisation_id: ids.organisationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consent = await db
    .insertInto('person_consents')
    .values({
      territory_id: t,
      person_id: teamPersonId,
      section: 'sensitive',
      organisation_id: cohen.organisation_id,
      decision: 'consent',
      recorded_by_account_id: ids.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('persons')
    .set({ merged_into_id: mergedKeptId, merged_at: ctx.clock.now() })
    .where('id', '=', mergedAwayId)
    .execute();
  const merge = await db
    .insertInto('person_merges')
    .values({
      territory_id: t,
      kept_id: mergedKeptId,
      merged_id: mergedAwayId,
      moved: JSON.stringify({
        rows: {
          person_statuses: [],
          follow_ups: [],
          timeline_events: [],
          documents: [],
          person_consents: [],
          person_information: [],
          sensitive_notes: [],
        },
        endedFollowUps: [],
        withdrawnConsents: [],
      }),
      reason: 'Doublon',
      merged_by_account_id: ids.accountId,
      merged_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    teamPersonId,
    teamDuplicateId,
    teamFollowUpId: girardFollowUp.id,
    teamInvitationId: invitation.id,
    teamRequestId: request.id,
    teamDocumentId: document.id,
    teamConsentId: consent.id,
    teamMergeId: merge.id,
    cohenAccountId: cohen.account_id,
    cohenOrganisationId: cohen.organisation_id,
    moreauAccountId: await accountIdByLastName(ctx, 'Moreau'),
  };
}

/** Team, consents, sensitive notes, documents, timeline, consultations and merge routes. */
export const peopleTeamSamples: RouteSampleSet = {
  openToTerritoryMembers: {
    'people.requestToJoin':
      'any professional of the territory may ask to join a team from the directory; the team decides',
    'people.pendingFollowUps': "one's own invitations and the requests of teams one manages only",
  },
  prepare,
  inputs: (ids) => {
    const person = { id: ids.teamPersonId ?? '' };
    const reason = { reason: 'Motif de test' };
    return {
      'people.timeline': { params: person },
      'people.team': { params: person },
      'people.inviteToTeam': {
        params: person,
        body: {
          accountId: ids.cohenAccountId,
          organisationId: ids.cohenOrganisationId,
          role: 'intervenant',
          ...reason,
        },
      },
      'people.requestToJoin': { params: person, body: reason },
      'people.pendingFollowUps': {},
      'people.answerFollowUp': { params: { id: ids.teamRequestId ?? '' }, body: { accept: true } },
      'people.leaveTeam': { params: { id: ids.teamFollowUpId ?? '' }, body: reason },
      'people.designateReferent': {
        params: person,
        body: { accountId: ids.moreauAccountId, organisationId: ids.organisationId, ...reason },
      },
      'people.consents': { params: person },
      'people.recordInformation': {
        params: person,
        body: { informedOn: '2026-11-01', channel: 'in_person' },
      },
      'people.recordConsent': {
        params: person,
        body: { section: 'sensitive', organisationId: ids.organisationId, decision: 'consent' },
      },
      'people.withdrawConsent': {
        params: { id: ids.teamPersonId ?? '', consentId: ids.teamConsentId ?? '' },
      },
      'people.sensitiveNotes': { params: person },
      'people.addSensitiveNote': {
        params: person,
        body: { category: 'health', text: 'Suivi médical en cours.' },
      },
      'people.documents': { params: person },
      'people.uploadDocument': {
        params: person,
        body: { category: 'other', filename: 'piece.pdf', contentBase64: SAMPLE_PDF_BASE64 },
      },
      'people.downloadDocument': { params: { id: ids.teamDocumentId ?? '' } },
      'people.consultations': { params: person },
      'people.merge': { params: person, body: { duplicateId: ids.teamDuplicateId, ...reason } },
      'people.undoMerge': { params: { id: ids.teamMergeId ?? '' } },
    };
  },
};
