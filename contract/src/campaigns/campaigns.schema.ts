import { z } from 'zod';
import { durationMinutes, localDateTime } from '../appointments/appointments.schema';
import { appointmentMode, appointmentType } from '../appointments/appointments.workflow';
import { uuid } from '../http';
import { alertRuleId } from '../review/review.rules';
import {
  campaignChannels,
  campaignStatus,
  deliveryStatuses,
  recipientOutcome,
  recipientOutcomes,
  recipientStep,
} from './campaigns.enums';

const ref = z.object({ id: uuid, name: z.string() });
const accountRef = z.object({ accountId: uuid, name: z.string() });
const communeCode = z.string().regex(/^\d[0-9AB]\d{3}$/, 'Commune inconnue.');

/** Who receives the campaign: people with an open alert of these rules, optionally in these communes. */
export const campaignSelection = z.object({
  ruleIds: z.array(alertRuleId).min(1, 'Choisissez au moins un type d’alerte.').max(14),
  communeCodes: z.array(communeCode).max(100).default([]),
  /** Territory admins may target one organisation's people; structure managers always target theirs. */
  organisationId: uuid.optional(),
  /** Include alerts that a professional snoozed (default no). */
  includeSnoozed: z.boolean().default(false),
});
export type CampaignSelection = z.infer<typeof campaignSelection>;

export const campaignSlotInput = z.object({
  startsAt: localDateTime,
  durationMinutes: durationMinutes.default(30),
  mode: appointmentMode.default('sur_place'),
  address: z.string().trim().max(300).optional(),
  capacity: z
    .number()
    .int()
    .min(1, 'Au moins 1 place par créneau.')
    .max(50, 'Au plus 50 places par créneau.'),
  /** Who holds the appointments of this slot (a professional of the campaign's organisation). */
  professionalAccountId: uuid,
});

/** The message: placeholders {prenom}, {structure} and {lien} are replaced for each person. */
export const campaignMessage = z
  .string()
  .trim()
  .min(20, 'Message : 20 caractères au moins.')
  .max(480, 'Message : 480 caractères au plus (3 SMS).')
  .refine((m) => m.includes('{lien}'), 'Le message doit contenir {lien} : c’est là que la personne répond.');

export const previewBody = z.object({
  selection: campaignSelection,
  message: campaignMessage.optional(),
});
export const campaignPreview = z.object({
  people: z.number().int(),
  byChannel: z.record(z.string(), z.number().int()),
  /** People with no usable contact for their channel (no phone, no e-mail, no address). */
  withoutContact: z.number().int(),
  /** The message as the first person would receive it (first name replaced by « Camille »). */
  sample: z.string().nullable(),
  /** Over the limit of one campaign. */
  tooMany: z.boolean(),
});

export const MAX_CAMPAIGN_PEOPLE = 10_000;

export const launchBody = z.object({
  /** A key chosen by the browser for this launch: the same key twice creates one campaign. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Clé de lancement invalide.'),
  name: z.string().trim().min(3, 'Nom : 3 caractères au moins.').max(120, 'Nom : 120 caractères au plus.'),
  selection: campaignSelection,
  message: campaignMessage,
  appointmentType: appointmentType.default('accompagnement'),
  slots: z.array(campaignSlotInput).max(200, 'Au plus 200 créneaux.').default([]),
  /** The person may ask to be called back instead of choosing a slot. */
  allowCallback: z.boolean().default(true),
});

export const campaignCounts = z.object({
  people: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  reminded: z.number().int(),
  answered: z.number().int(),
  callbacks: z.number().int(),
  booked: z.number().int(),
  honoured: z.number().int(),
  unreachable: z.number().int(),
  noAnswer: z.number().int(),
  convoked: z.number().int(),
});
export const campaignSummary = z.object({
  id: uuid,
  name: z.string(),
  status: campaignStatus,
  organisation: ref,
  createdBy: accountRef,
  launchedAt: z.string(),
  expiresOn: z.string(),
  counts: campaignCounts,
});
export const campaign = campaignSummary.extend({
  selection: campaignSelection,
  message: z.string(),
  appointmentType: appointmentType,
  allowCallback: z.boolean(),
  reminderDays: z.number().int(),
  expiryDays: z.number().int(),
  slots: z.array(
    z.object({
      id: uuid,
      startsAt: z.string(),
      startsAtLocal: z.string(),
      durationMinutes: z.number().int(),
      mode: appointmentMode,
      address: z.string().nullable(),
      capacity: z.number().int(),
      booked: z.number().int(),
      professional: accountRef,
    }),
  ),
  /** Report by channel: sent, delivered, answered, booked, honoured. */
  byChannel: z.array(z.object({ channel: z.enum(campaignChannels) }).extend(campaignCounts.shape)),
  lettersPdfAvailable: z.boolean(),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignsQuery = z.object({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const campaignsPage = z.object({ items: z.array(campaignSummary), next: z.string().nullable() });

export const recipientsQuery = z.object({
  outcome: recipientOutcome.optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const recipientRow = z.object({
  id: uuid,
  personId: uuid,
  displayName: z.string(),
  channel: z.enum(campaignChannels).nullable(),
  step: recipientStep,
  outcome: recipientOutcome,
  delivery: z.enum(deliveryStatuses),
  invitedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  appointmentId: uuid.nullable(),
  appointmentStartsAt: z.string().nullable(),
});
export const recipientsPage = z.object({
  items: z.array(recipientRow),
  next: z.string().nullable(),
  counts: z.record(z.enum(recipientOutcomes), z.number().int()),
});

/** Convocation of those who did not answer once their invitation expired: one appointment each. */
export const convocationBody = z.object({
  firstStartsAt: localDateTime,
  intervalMinutes: z.number().int().min(10).max(240).default(30),
  durationMinutes: durationMinutes.default(30),
  /** Last start time of each day (local HH:MM); later appointments go to the next working day. */
  dayEndsAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('17:00'),
  mode: appointmentMode.default('sur_place'),
  address: z.string().trim().max(300).optional(),
  professionalAccountId: uuid,
});
export const convocationResult = z.object({ convoked: z.number().int(), skipped: z.number().int() });

// ——— The person's answer (public, through the invitation link) ———

export const invitationToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'Lien d’invitation invalide.'),
});
export const publicInvitation = z.object({
  state: z.enum(['ouverte', 'repondue', 'expiree']),
  firstName: z.string(),
  organisationName: z.string(),
  appointmentTypeLabel: z.string(),
  expiresOn: z.string(),
  allowCallback: z.boolean(),
  slots: z.array(
    z.object({
      id: uuid,
      startsAtLocal: z.string(),
      durationMinutes: z.number().int(),
      mode: appointmentMode,
      address: z.string().nullable(),
      placesLeft: z.number().int(),
    }),
  ),
  /** Once answered: what was chosen. */
  answer: z
    .object({
      kind: z.enum(['creneau', 'rappel']),
      startsAtLocal: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  /** Who to call when the link is dead. */
  contact: z.object({ organisationName: z.string(), phone: z.string().nullable() }),
});
export const bookSlotBody = z.object({ slotId: uuid });
export const callbackBody = z.object({
  /** When the person prefers to be called. */
  preferredTime: z.enum(['matin', 'apres_midi', 'indifferent']).default('indifferent'),
});

/** SMS provider delivery report (webhook), authenticated by the provider key. */
export const deliveryReportBody = z.object({
  reports: z
    .array(
      z.object({
        providerId: z.string().min(1).max(200),
        status: z.enum(['delivered', 'failed', 'invalid_recipient']),
        at: z.string().optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export const deliveryReportResult = z.object({ applied: z.number().int() });
