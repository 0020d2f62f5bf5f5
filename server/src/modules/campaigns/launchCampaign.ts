import { randomUUID } from 'node:crypto';
import type { FieldError } from '@spie/contract';
import {
  type CampaignChannel,
  campaignChannelLabels,
  campaignsRoutes,
  MAX_CAMPAIGN_PEOPLE,
} from '@spie/contract/campaigns';
import type { z } from 'zod';
import type { MemberActor } from '../../kernel/actor';
import { conflict, DomainError } from '../../kernel/errors';
import { type DomainEvent, writeEvents } from '../../kernel/outbox';
import { defineUseCase, type UseCaseContext } from '../../kernel/useCase';
import { type NewNotification, queueNotifications } from '../notifications';
import { addDays, displayName, parisToday, personEvent } from '../people';
import { loadTerritory } from '../territories';
import {
  type CampaignOrganisation,
  type CampaignRow,
  campaignOrganisation,
  mayRunCampaigns,
} from './campaigns.access';
import { fillMessage, invitationEmail, invitationLetter, invitationSubject } from './campaigns.messages';
import { type SelectedPerson, selectPeople } from './campaigns.selection';
import { fromParisLocal, parisDayStart } from './campaigns.time';
import { hashInvitationCode, invitationCode, invitationUrl } from './campaigns.tokens';
import { campaignView } from './campaigns.view';

type Input = z.output<typeof campaignsRoutes.launch.body>;
type Ctx = UseCaseContext<MemberActor>;
const CHUNK = 1000;

/**
 * Launches a campaign in one transaction: the campaign, its slots, one recipient per person
 * (with their invitation code), the invitations stored as notifications (the worker sends them)
 * and one timeline entry per person. Everything is written in multi-row statements of at most
 * 1,000 rows: 5,000 people take a handful of round trips.
 *
 * A double click sends the same idempotency key twice: (territory, account, key) is unique, the
 * second launch returns the first campaign. Concurrent launches meet on the campaign row
 * (`on conflict do nothing` waits for the first transaction, then finds its row).
 */
export const launchCampaign = defineUseCase({
  name: 'campaigns.launch',
  kind: 'command',
  input: campaignsRoutes.launch.body,
  authorize: (ctx) => mayRunCampaigns(ctx.actor),
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const existing = await byKey(ctx, input.idempotencyKey);
    if (existing) return campaignView(ctx.trx, existing);

    const { organisation, peopleOf } = await campaignOrganisation(ctx, input.selection);
    if (input.slots.length === 0 && !input.allowCallback) {
      throw new DomainError(
        'validation',
        'campaigns.no_way_to_answer',
        'Proposez des créneaux ou permettez de demander un rappel : sinon la personne ne peut pas répondre.',
        [{ path: 'slots', message: 'Ajoutez au moins un créneau, ou cochez « demander à être rappelé·e ».' }],
      );
    }
    const slots = await checkSlots(ctx, organisation, input.slots);
    const settings = (await loadTerritory(ctx.trx, t)).settings;
    const today = parisToday(ctx.now);
    const expiresOn = addDays(today, settings.invitationExpiryDays);
    // The link works until the end of its last day in France.
    const expiresAt = parisDayStart(addDays(expiresOn, 1));

    const inserted = await ctx.trx
      .insertInto('campaigns')
      .values({
        territory_id: t,
        organisation_id: organisation.id,
        name: input.name,
        selection: JSON.stringify({ ...input.selection, organisationId: peopleOf ?? undefined }),
        message: input.message,
        appointment_type: input.appointmentType,
        allow_callback: input.allowCallback,
        reminder_days: settings.invitationReminderDays,
        expiry_days: settings.invitationExpiryDays,
        idempotency_key: input.idempotencyKey,
        created_by_account_id: ctx.actor.accountId,
        launched_at: ctx.now,
        expires_on: expiresOn,
      })
      .onConflict((oc) =>
        oc.columns(['territory_id', 'created_by_account_id', 'idempotency_key']).doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      // The same launch committed meanwhile (double click on two connections).
      const first = await byKey(ctx, input.idempotencyKey);
      if (first) return campaignView(ctx.trx, first);
      throw conflict('campaigns.launch_conflict', 'Le lancement n’a pas abouti : recommencez.');
    }

    const people = await selectPeople(
      ctx.trx,
      { territoryId: t, peopleOf, today },
      input.selection,
      MAX_CAMPAIGN_PEOPLE + 1,
    );
    if (people.length > MAX_CAMPAIGN_PEOPLE) {
      throw conflict(
        'campaigns.too_many',
        `Une campagne touche au plus ${MAX_CAMPAIGN_PEOPLE.toLocaleString('fr-FR')} personnes : choisissez moins de communes ou de types d’alerte.`,
        { max: MAX_CAMPAIGN_PEOPLE },
      );
    }
    if (people.length === 0) {
      throw conflict(
        'campaigns.nobody',
        'Personne ne correspond à ces critères : il n’y a personne à inviter.',
      );
    }

    for (let i = 0; i < slots.length; i += CHUNK) {
      await ctx.trx
        .insertInto('campaign_slots')
        .values(slots.slice(i, i + CHUNK).map((s) => ({ ...s, territory_id: t, campaign_id: inserted.id })))
        .execute();
    }
    await inviteAll(ctx, inserted, organisation, people, { today, expiresOn, expiresAt });
    return campaignView(ctx.trx, inserted);
  },
  auditSubject: (input, output) => ({
    subjectType: 'campaign',
    subjectId: output.id,
    details: {
      people: output.counts.people,
      organisationId: output.organisation.id,
      ruleIds: input.selection.ruleIds,
      communes: input.selection.communeCodes.length,
      slots: output.slots.length,
    },
  }),
});

function byKey(ctx: Ctx, key: string): Promise<CampaignRow | undefined> {
  return ctx.trx
    .selectFrom('campaigns')
    .selectAll()
    .where('territory_id', '=', ctx.actor.territoryId)
    .where('created_by_account_id', '=', ctx.actor.accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Slots are held by professionals of the campaign's organisation, on site (the organisation's
 * address by default) or by phone, and start later than now.
 */
async function checkSlots(ctx: Ctx, organisation: CampaignOrganisation, slots: Input['slots']) {
  const problems: FieldError[] = [];
  const accountIds = [...new Set(slots.map((s) => s.professionalAccountId))];
  const members = new Set(
    accountIds.length === 0
      ? []
      : (
          await ctx.trx
            .selectFrom('memberships')
            .select('account_id')
            .where('territory_id', '=', ctx.actor.territoryId)
            .where('organisation_id', '=', organisation.id)
            .where('account_id', 'in', accountIds)
            .where('ended_at', 'is', null)
            .where('role', 'in', ['professional', 'social_worker', 'structure_manager'])
            .execute()
        ).map((m) => m.account_id),
  );
  const rows = slots.map((s, i) => {
    const startsAt = fromParisLocal(s.startsAt);
    if (!startsAt)
      problems.push({ path: `slots.${i}.startsAt`, message: 'Cette date ou cette heure n’existe pas.' });
    else if (startsAt.getTime() <= ctx.now.getTime())
      problems.push({
        path: `slots.${i}.startsAt`,
        message: 'Ce créneau est déjà passé : choisissez une heure à venir.',
      });
    if (!members.has(s.professionalAccountId))
      problems.push({
        path: `slots.${i}.professionalAccountId`,
        message: `Choisissez un professionnel de la structure (${organisation.name}).`,
      });
    if (s.mode === 'visio')
      problems.push({
        path: `slots.${i}.mode`,
        message: 'Les créneaux d’une campagne se tiennent sur place ou par téléphone.',
      });
    const address = s.mode === 'sur_place' ? s.address?.trim() || organisation.address : null;
    if (s.mode === 'sur_place' && !address)
      problems.push({ path: `slots.${i}.address`, message: 'Indiquez l’adresse du rendez-vous.' });
    return {
      starts_at: startsAt ?? new Date(0),
      duration_minutes: s.durationMinutes,
      mode: s.mode,
      address,
      capacity: s.capacity,
      professional_account_id: s.professionalAccountId,
    };
  });
  if (problems.length > 0) {
    throw new DomainError('validation', 'campaigns.invalid_slots', problems[0]?.message ?? '', problems);
  }
  return rows;
}

const CHANNEL_WORDS: Record<CampaignChannel, string> = { sms: 'SMS', email: 'courriel', letter: 'courrier' };

/** Recipients, notifications and timeline events, chunk by chunk. */
async function inviteAll(
  ctx: Ctx,
  campaign: CampaignRow,
  organisation: CampaignOrganisation,
  people: SelectedPerson[],
  dates: { today: string; expiresOn: string; expiresAt: Date },
) {
  const t = campaign.territory_id;
  const publicUrl = ctx.deps.config.publicUrl;
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    const recipients = [];
    const notifications: NewNotification[] = [];
    const events: DomainEvent[] = [];
    for (const p of chunk) {
      const id = randomUUID();
      const code = invitationCode(ctx.deps.crypto, id);
      const url = invitationUrl(code, publicUrl);
      const filled = fillMessage(campaign.message, {
        prenom: p.first_names[0] ?? '',
        structure: organisation.name,
        lien: url,
      });
      const notification = p.channel
        ? invitation(p, p.channel, { organisation, filled, url, code, ...dates })
        : null;
      const notificationId = notification ? randomUUID() : null;
      if (notification && notificationId) {
        notifications.push({
          ...notification,
          id: notificationId,
          territoryId: t,
          personId: p.id,
          createdByAccountId: ctx.actor.accountId,
          relatedKind: 'campaign_recipient',
          relatedId: id,
        });
      }
      recipients.push({
        territory_id: t,
        id,
        campaign_id: campaign.id,
        person_id: p.id,
        channel: p.channel,
        // Nobody to write to: unreachable from the start, to correct on the record.
        outcome: p.channel ? 'en_attente' : 'injoignable',
        delivery: p.channel ? 'en_attente' : 'echec',
        token_hash: hashInvitationCode(code),
        expires_at: dates.expiresAt,
        last_notification_id: notificationId,
        updated_at: ctx.now,
      });
      const summary = p.channel
        ? `Invitation à un rendez-vous envoyée par ${CHANNEL_WORDS[p.channel]} (campagne « ${campaign.name} », ${organisation.name}).`
        : `Campagne « ${campaign.name} » (${organisation.name}) : aucune coordonnée utilisable pour inviter la personne (téléphone, courriel ou adresse à compléter).`;
      const event = personEvent(
        ctx,
        'CampaignInvitationQueued',
        p.id,
        { section: 'journey', summary },
        {
          campaignId: campaign.id,
          recipientId: id,
          channel: p.channel,
        },
      );
      event.payload.organisationId = organisation.id;
      events.push(event);
    }
    await ctx.trx.insertInto('campaign_recipients').values(recipients).execute();
    await queueNotifications(ctx.trx, notifications, ctx.now);
    await writeEvents(ctx.trx, events, ctx.now);
  }
}

function invitation(
  p: SelectedPerson,
  channel: CampaignChannel,
  f: {
    organisation: CampaignOrganisation;
    filled: string;
    url: string;
    code: string;
    today: string;
    expiresOn: string;
  },
): Pick<NewNotification, 'channel' | 'recipient' | 'subject' | 'body'> {
  const subject = invitationSubject(f.organisation.name);
  switch (channel) {
    case 'sms':
      return { channel, recipient: (p.phone_mobile as string).trim(), subject, body: f.filled };
    case 'email':
      return {
        channel,
        recipient: (p.email as string).trim(),
        subject,
        body: invitationEmail(f.filled, f.organisation, f.expiresOn),
      };
    default: {
      const name = displayName(p);
      const addressLines = [
        p.address_line ?? '',
        [p.postal_code, p.commune_name].filter(Boolean).join(' '),
      ].filter((l) => l.trim() !== '');
      return {
        channel: 'letter',
        recipient: [name, ...addressLines].join(', '),
        subject: `${subject} (${campaignChannelLabels.letter.toLocaleLowerCase('fr-FR')})`,
        body: invitationLetter({
          organisation: f.organisation,
          recipientName: name,
          addressLines,
          today: f.today,
          filled: f.filled,
          url: f.url,
          code: f.code,
          expiresOn: f.expiresOn,
        }),
      };
    }
  }
}
