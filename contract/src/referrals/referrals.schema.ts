import { z } from 'zod';
import { isoDate } from '../people/people.schema';
import {
  referralAction,
  referralOutcome,
  referralStatus,
  refusalReason,
  sharedItem,
} from './referrals.workflow';

const note = (label: string, max: number) =>
  z.string().trim().max(max, `${label} : au plus ${max} caractères.`).nullable().default(null);

/** A need the referral answers: a diagnostic theme (constraint family or professional axis). */
export const referralNeed = z.object({
  theme: z.string().min(1).max(60),
  label: z.string().min(1).max(200),
});

export const createReferralBody = z.object({
  serviceId: z.string().min(3).max(200),
  sessionId: z.uuid().nullable().default(null),
  reason: z
    .string({ message: 'Motif : dites en quelques mots pourquoi vous orientez la personne.' })
    .trim()
    .min(10, 'Motif : au moins 10 caractères, pour que la structure comprenne la demande.')
    .max(2000, 'Motif : au plus 2 000 caractères.'),
  needs: z.array(referralNeed).max(14).default([]),
  shared: z.array(sharedItem).max(10).default([]),
  /** Ids of documents of the person's record to attach (shared only with `documents`). */
  documentIds: z.array(z.uuid()).max(5).default([]),
  /** The person agreed to share the listed information with the receiving organisation. */
  consent: z.literal(true, { message: 'Le consentement de la personne au partage est obligatoire.' }),
  /** When the service or session is full and has a waiting list: put the person on it. */
  joinWaitingList: z.boolean().default(false),
});
export type CreateReferralBody = z.input<typeof createReferralBody>;

export const referralTransitionBody = z.object({
  action: referralAction,
  reason: refusalReason.nullable().default(null),
  note: note('Précision', 1000),
  /** Entry date (recordEntry) or end date (finish). */
  date: isoDate.nullable().default(null),
  outcome: referralOutcome.nullable().default(null),
  revision: z.number().int(),
});
export type ReferralTransitionBody = z.input<typeof referralTransitionBody>;

export const attendanceBody = z.object({
  /** Monday of the week (YYYY-MM-DD). */
  week: isoDate,
  hours: z
    .number({ message: 'Heures : un nombre est attendu.' })
    .min(0, 'Heures : pas de valeur négative.')
    .max(60, 'Heures : au plus 60 heures dans une semaine.'),
});

export const referralHistoryEntry = z.object({
  at: z.string(),
  from: referralStatus.nullable(),
  to: referralStatus,
  by: z.string(),
  note: z.string().nullable(),
});

export const referralView = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  service: z.object({ id: z.string(), nom: z.string(), structureNom: z.string() }),
  session: z.object({ id: z.uuid(), label: z.string().nullable(), startDate: isoDate }).nullable(),
  sender: z.object({ name: z.string(), organisation: z.string() }),
  receivingOrganisation: z.object({ id: z.uuid().nullable(), name: z.string() }),
  status: referralStatus,
  reason: z.string(),
  needs: z.array(referralNeed),
  shared: z.array(sharedItem),
  /** Only what `shared` lists (the link holder sees nothing else). */
  sharedData: z.object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    birthDate: isoDate.nullable(),
    situation: z.array(z.string()),
    documents: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  refusalReason: refusalReason.nullable(),
  outcome: referralOutcome.nullable(),
  statusNote: z.string().nullable(),
  entryDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  waitingPosition: z.number().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  history: z.array(referralHistoryEntry),
  attendance: z.array(z.object({ week: isoDate, hours: z.number() })),
  allowedActions: z.array(referralAction),
  canRecordAttendance: z.boolean(),
  revision: z.number(),
});
export type ReferralView = z.infer<typeof referralView>;

export const referralLine = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  service: z.object({ id: z.string(), nom: z.string() }),
  receivingOrganisation: z.string(),
  senderOrganisation: z.string(),
  status: referralStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Days left before expiry while awaiting an answer. */
  daysLeft: z.number().nullable(),
});
export type ReferralLine = z.infer<typeof referralLine>;

export const referralListQuery = z.object({
  status: referralStatus.optional(),
  organisationId: z.uuid().optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const referralList = z.object({
  items: z.array(referralLine),
  next: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});

export const personReferrals = z.object({
  items: z.array(referralLine),
  /** The caller may refer this person (team member). */
  canRefer: z.boolean(),
});

export const referralLinkIssued = z.object({
  expiresAt: z.string(),
  sentTo: z.string(),
});

/** What the holder of a referral link sees. */
export const publicReferral = z.object({
  referral: referralView,
  linkExpiresAt: z.string(),
  contactOfSender: z.object({
    name: z.string(),
    organisation: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
});
export const tokenParams = z.object({ token: z.string().min(20).max(200) });
