import { hashInvitationCode } from '../../modules/campaigns/campaigns.tokens';
import type { TestContext } from '../testContext';
import type { RouteSampleSet, SampleIds } from './types';

/** The invitation code of the sample recipient (its hash is stored like a real one). */
export const SAMPLE_INVITATION_CODE = 'ABCD2345EFGH';

/**
 * A campaign of ALI Bobigny (launched by its manager, Nadia Haddad) with one slot held by Girard
 * and one recipient, a person Girard follows, invited by letter (code `SAMPLE_INVITATION_CODE`).
 */
async function prepare(ctx: TestContext, ids: SampleIds): Promise<Record<string, string>> {
  const db = ctx.deps.database.db;
  const t = ids.territoryId;
  const now = ctx.clock.now();
  const haddad = await db
    .selectFrom('accounts')
    .select('id')
    .where('last_name', '=', 'Haddad')
    .executeTakeFirstOrThrow();
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      territory_id: t,
      sex: 'M',
      birth_name: 'Invité',
      first_names: ['Karim'],
      birth_date: '1984-02-03',
      commune_code: '93008',
      postal_code: '93000',
      address_line: '4 rue des Lilas',
      preferred_channel: 'letter',
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
  const { id: campaignId } = await db
    .insertInto('campaigns')
    .values({
      territory_id: t,
      organisation_id: ids.organisationId,
      name: 'Campagne d’exemple',
      selection: JSON.stringify({ ruleIds: ['lost_contact'], communeCodes: [], includeSnoozed: false }),
      message: 'Bonjour {prenom}, {structure} vous propose un rendez-vous : {lien}',
      appointment_type: 'accompagnement',
      allow_callback: true,
      reminder_days: 3,
      expiry_days: 10,
      idempotency_key: 'sample-campaign-0001',
      created_by_account_id: haddad.id,
      launched_at: now,
      expires_on: '2026-11-12',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: slotId } = await db
    .insertInto('campaign_slots')
    .values({
      territory_id: t,
      campaign_id: campaignId,
      starts_at: new Date('2026-11-20T09:00:00Z'),
      duration_minutes: 30,
      mode: 'sur_place',
      address: '25 rue de l’Exemple, 93000 Bobigny',
      capacity: 3,
      professional_account_id: ids.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('campaign_recipients')
    .values({
      territory_id: t,
      campaign_id: campaignId,
      person_id: personId,
      channel: 'letter',
      step: 'invitee',
      token_hash: hashInvitationCode(SAMPLE_INVITATION_CODE),
      invited_at: now,
      expires_at: new Date('2026-11-12T23:00:00Z'),
      updated_at: now,
    })
    .execute();
  return { campaignId, campaignSlotId: slotId, campaignPersonId: personId };
}

export const campaignsSamples: RouteSampleSet = {
  openToTerritoryMembers: {},
  prepare,
  inputs: (ids) => {
    const campaign = { params: { id: ids.campaignId ?? '' } };
    const token = { params: { token: SAMPLE_INVITATION_CODE } };
    const selection = { ruleIds: ['lost_contact'], communeCodes: ['93008'] };
    const message = 'Bonjour {prenom}, {structure} vous propose un rendez-vous : {lien}';
    return {
      'campaigns.list': { query: {} },
      'campaigns.preview': { body: { selection, message } },
      'campaigns.launch': {
        body: {
          idempotencyKey: 'sample-launch-0001',
          name: 'Relance des personnes perdues de vue',
          selection,
          message,
          slots: [{ startsAt: '2026-11-20T10:00', capacity: 2, professionalAccountId: ids.accountId }],
        },
      },
      'campaigns.get': campaign,
      'campaigns.recipients': campaign,
      'campaigns.exportCsv': campaign,
      'campaigns.lettersPdf': campaign,
      'campaigns.convoke': {
        ...campaign,
        body: { firstStartsAt: '2026-11-23T09:00', professionalAccountId: ids.accountId },
      },
      'campaigns.cancel': campaign,
      // Public routes (the person, or the SMS provider): listed in routePermissions.test.ts.
      'campaigns.publicInvitation': token,
      'campaigns.publicBook': { ...token, body: { slotId: ids.campaignSlotId } },
      'campaigns.publicCallback': { ...token, body: { preferredTime: 'matin' } },
      'campaigns.deliveryReports': { body: { reports: [{ providerId: 'fake-sms-1', status: 'delivered' }] } },
    };
  },
};
