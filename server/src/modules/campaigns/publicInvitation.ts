import {
  type AppointmentMode,
  type AppointmentType,
  appointmentTypeLabels,
} from '@spie/contract/appointments';
import { campaignsRoutes, type publicInvitation as publicInvitationSchema } from '@spie/contract/campaigns';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import type { CampaignRecipients } from '../../db/schema';
import type { SystemActor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { type CampaignOrganisation, organisationContact } from './campaigns.access';
import { callTheOrganisation, dayWords } from './campaigns.messages';
import { toParisLocal } from './campaigns.time';
import { hashInvitationCode } from './campaigns.tokens';

/**
 * The pages the person opens from the invitation link: no account, the code is the key. The
 * binding finds the recipient's territory from the code's hash, then runs the use cases as the
 * system actor `campaigns.invitation` of that territory, so audit rows land in its chain. They
 * show the first name, the organisation and the slots: nothing else of the record.
 */
export const INVITATION_ACTOR = 'campaigns.invitation';

export type PublicInvitation = z.infer<typeof publicInvitationSchema>;
type RecipientRow = Selectable<CampaignRecipients>;
type Ctx = UseCaseContext<SystemActor>;

export const invitationUnknown = () =>
  new DomainError(
    'not_found',
    'campaigns.invitation_unknown',
    'Ce lien d’invitation n’existe pas. Vérifiez l’adresse ou le code, ou appelez la structure qui vous a écrit.',
  );

/** The territory of the invitation, from the hash of its code (404 if unknown). */
export async function invitationTerritory(db: Db, code: string): Promise<string> {
  const row = await db
    .selectFrom('campaign_recipients')
    .select('territory_id')
    .where('token_hash', '=', hashInvitationCode(code))
    .executeTakeFirst();
  if (!row) throw invitationUnknown();
  return row.territory_id;
}

export const mayActByInvitation = (ctx: Ctx) =>
  ctx.actor.name === INVITATION_ACTOR && ctx.actor.territoryId !== null;

export interface InvitationContext {
  recipient: RecipientRow;
  campaign: {
    id: string;
    name: string;
    status: string;
    organisation_id: string;
    appointment_type: string;
    allow_callback: boolean;
    expires_on: string;
  };
  organisation: CampaignOrganisation;
  firstName: string;
}

export async function loadInvitation(ctx: Ctx, code: string, forUpdate = false): Promise<InvitationContext> {
  const t = ctx.actor.territoryId as string;
  let q = ctx.trx
    .selectFrom('campaign_recipients')
    .selectAll()
    .where('territory_id', '=', t)
    .where('token_hash', '=', hashInvitationCode(code));
  if (forUpdate) q = q.forUpdate();
  const recipient = await q.executeTakeFirst();
  if (!recipient) throw invitationUnknown();
  const campaign = await ctx.trx
    .selectFrom('campaigns')
    .select(['id', 'name', 'status', 'organisation_id', 'appointment_type', 'allow_callback', 'expires_on'])
    .where('territory_id', '=', t)
    .where('id', '=', recipient.campaign_id)
    .executeTakeFirstOrThrow();
  const person = await ctx.trx
    .selectFrom('persons')
    .select('first_names')
    .where('territory_id', '=', t)
    .where('id', '=', recipient.person_id)
    .executeTakeFirstOrThrow();
  const organisation = (await organisationContact(ctx, campaign.organisation_id, t)) ?? {
    id: campaign.organisation_id,
    name: 'Votre structure d’accompagnement',
    phone: null,
    email: null,
    address: null,
  };
  return { recipient, campaign, organisation, firstName: person.first_names[0] ?? '' };
}

export type InvitationState = PublicInvitation['state'];

/** Past its last day, its campaign cancelled, or the person convoked instead. */
export function isExpired(c: InvitationContext, now: Date): boolean {
  return (
    c.campaign.status === 'annulee' ||
    ['expiree', 'convoquee'].includes(c.recipient.step) ||
    (c.recipient.expires_at !== null && new Date(c.recipient.expires_at).getTime() <= now.getTime())
  );
}

/** Answered (whatever happened since: the page shows the answer), expired, or open. */
export function invitationState(c: InvitationContext, now: Date): InvitationState {
  if (c.recipient.answer) return 'repondue';
  return isExpired(c, now) ? 'expiree' : 'ouverte';
}

/** Refuses an answer on an invitation that is no longer open, saying whom to call. */
export function requireOpen(c: InvitationContext, now: Date): void {
  if (!isExpired(c, now)) return;
  const cancelled = c.campaign.status === 'annulee';
  throw new DomainError(
    'conflict',
    'campaigns.invitation_expired',
    cancelled
      ? `Cette invitation n’est plus valable. Pour prendre rendez-vous, ${callTheOrganisation(c.organisation)}.`
      : `Cette invitation a expiré : il fallait répondre au plus tard le ${dayWords(c.campaign.expires_on)}. Pour prendre rendez-vous, ${callTheOrganisation(c.organisation)}.`,
    undefined,
    { state: 'expiree', organisationName: c.organisation.name, phone: c.organisation.phone },
  );
}

/** What the page shows. */
export async function invitationView(ctx: Ctx, c: InvitationContext): Promise<PublicInvitation> {
  const t = ctx.actor.territoryId as string;
  const state = invitationState(c, ctx.now);
  const slots =
    state === 'ouverte'
      ? await ctx.trx
          .selectFrom('campaign_slots')
          .select(['id', 'starts_at', 'duration_minutes', 'mode', 'address', 'capacity', 'booked'])
          .where('territory_id', '=', t)
          .where('campaign_id', '=', c.campaign.id)
          .where('starts_at', '>', ctx.now)
          .whereRef('booked', '<', 'capacity')
          .orderBy('starts_at')
          .orderBy('id')
          .execute()
      : [];
  let answer: PublicInvitation['answer'] = null;
  if (c.recipient.answer === 'rappel') answer = { kind: 'rappel', startsAtLocal: null, address: null };
  if (c.recipient.answer === 'creneau' && c.recipient.appointment_id) {
    const a = await ctx.trx
      .selectFrom('appointments')
      .select(['starts_at', 'address'])
      .where('territory_id', '=', t)
      .where('id', '=', c.recipient.appointment_id)
      .executeTakeFirst();
    answer = {
      kind: 'creneau',
      startsAtLocal: a ? toParisLocal(new Date(a.starts_at)) : null,
      address: a?.address ?? null,
    };
  }
  return {
    state,
    firstName: c.firstName,
    organisationName: c.organisation.name,
    appointmentTypeLabel: appointmentTypeLabels[c.campaign.appointment_type as AppointmentType] ?? '',
    expiresOn: c.campaign.expires_on,
    allowCallback: c.campaign.allow_callback,
    slots: slots.map((s) => ({
      id: s.id,
      startsAtLocal: toParisLocal(new Date(s.starts_at)),
      durationMinutes: s.duration_minutes,
      mode: s.mode as AppointmentMode,
      address: s.address,
      placesLeft: s.capacity - s.booked,
    })),
    answer,
    contact: { organisationName: c.organisation.name, phone: c.organisation.phone },
  };
}

/** Audit rows of the link's pages: about the recipient and the person, done through the link. */
export const invitationAudit = (r: Pick<RecipientRow, 'id' | 'person_id' | 'campaign_id'>, extra = {}) => ({
  subjectType: 'campaign_recipient',
  subjectId: r.id,
  personId: r.person_id,
  section: 'journey',
  details: { via: 'lien_d_invitation', campaignId: r.campaign_id, ...extra },
});

/** The page of the link: state, first name, organisation, open slots. */
export const publicInvitation = defineUseCase({
  name: 'campaigns.publicInvitation',
  kind: 'query',
  actors: ['system'],
  input: campaignsRoutes.publicInvitation.params,
  authorize: mayActByInvitation,
  run: async (ctx, input) => {
    const c = await loadInvitation(ctx, input.token);
    const view = await invitationView(ctx, c);
    await ctx.audit({
      action: 'campaigns.publicInvitation',
      ...invitationAudit(c.recipient, { state: view.state }),
    });
    return view;
  },
});
