import { z } from 'zod';
import { path } from '../diagnostics/diagnostics.enums';
import { uuid } from '../http';
import { householdRole } from '../people/people.enums';
import { isoDate } from '../people/people.schema';
import {
  type OrientationAction,
  orientationActions,
  orientationStatus,
  reorientationStatus,
} from './orientations.workflow';

/** Lead organisation kinds an orientation can name (domain §3). */
export const leadKinds = ['france_travail', 'mission_locale', 'cap_emploi', 'departement'] as const;
export const leadKind = z.enum(leadKinds, {
  message: 'Organisme référent : France Travail, mission locale, Cap emploi ou département.',
});
export type LeadKind = z.infer<typeof leadKind>;
export const leadKindLabels: Record<LeadKind, string> = {
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  departement: 'Département ou son délégataire',
};
/** Organisation kinds acceptable for each lead kind. */
export const leadKindOrganisationKinds: Record<LeadKind, readonly string[]> = {
  france_travail: ['france_travail'],
  mission_locale: ['mission_locale'],
  cap_emploi: ['cap_emploi'],
  departement: ['departement', 'delegataire_departement', 'ccas_cias', 'association'],
};

/** Where the need for an orientation came from. */
export const orientationSources = [
  'rsa',
  'france_travail',
  'mission_locale',
  'cap_emploi',
  'manual',
  'reorientation',
] as const;
export const orientationSource = z.enum(orientationSources, { message: 'Origine inconnue.' });
export type OrientationSource = z.infer<typeof orientationSource>;
export const orientationSourceLabels: Record<OrientationSource, string> = {
  rsa: 'Information RSA (CAF / MSA)',
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  manual: 'Saisie',
  reorientation: 'Réorientation',
};

const reason = z
  .string({ message: 'Indiquez un motif.' })
  .trim()
  .min(1, 'Indiquez un motif.')
  .max(1000, 'Motif : 1000 caractères au plus.');

const people = z.object({ accountId: uuid, name: z.string() });
const organisationRef = z.object({ id: uuid, name: z.string() });

export const orientationDecision = z.object({
  path,
  leadKind,
  organisation: organisationRef,
  referent: people.nullable(),
  reason: z.string(),
  by: people,
  at: z.string(),
});
export type OrientationDecision = z.infer<typeof orientationDecision>;

export const reorientationRequest = z.object({
  id: uuid,
  orientationId: uuid,
  personId: uuid,
  status: reorientationStatus,
  reason: z.string(),
  proposedPath: path,
  proposedLeadKind: leadKind.nullable(),
  proposedOrganisation: organisationRef.nullable(),
  requestedBy: people,
  requestedByOrganisation: organisationRef,
  requestedAt: z.string(),
  answeredBy: people.nullable(),
  answeredAt: z.string().nullable(),
  answerReason: z.string().nullable(),
  newOrientationId: uuid.nullable(),
});
export type ReorientationRequest = z.infer<typeof reorientationRequest>;

export const orientation = z.object({
  id: uuid,
  personId: uuid,
  status: orientationStatus,
  source: orientationSource,
  /** When the RSA opening/transfer information arrived (starts the legal delay). */
  informationReceivedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  /** The deadline was already past when the orientation was created (allowed, flagged). */
  deadlinePastAtCreation: z.boolean(),
  recommendedPath: path.nullable(),
  proposal: orientationDecision.nullable(),
  decision: orientationDecision.nullable(),
  notifiedAt: z.string().nullable(),
  /** The engagement contract must be signed by this date (notification + territory delay). */
  contractDeadline: z.string().nullable(),
  letterDocumentId: uuid.nullable(),
  referent: z
    .object({ accountId: uuid, name: z.string(), assignedAt: z.string(), assignedBy: people })
    .nullable(),
  previousOrientationId: uuid.nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  createdAt: z.string(),
  reorientationRequests: z.array(reorientationRequest),
  /** What the current user may do next (from the transition table). */
  allowedActions: z.array(z.enum(orientationActions)),
});
export type Orientation = z.infer<typeof orientation>;

export const personOrientations = z.object({
  /** The orientation in force (décidée, notifiée or référent désigné), if any. */
  currentId: uuid.nullable(),
  /** Newest first; previous orientations stay, read-only. */
  items: z.array(orientation),
});

export const queueItem = z.object({
  orientationId: uuid,
  personId: uuid,
  displayName: z.string(),
  birthDate: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  householdRole: householdRole.nullable(),
  source: orientationSource,
  status: orientationStatus,
  informationReceivedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  /** Negative when overdue. */
  daysLeft: z.number().int().nullable(),
  recommendedPath: path.nullable(),
  proposedPath: path.nullable(),
});
export type QueueItem = z.infer<typeof queueItem>;

export const queueQuery = z.object({
  communeCode: z
    .string()
    .regex(/^[0-9][0-9AB][0-9]{3}$/, 'Code commune : 5 caractères (INSEE).')
    .optional(),
  householdRole: householdRole.optional(),
  recommendedPath: z.union([path, z.literal('none')]).optional(),
  source: orientationSource.optional(),
  status: z.enum(['a_orienter', 'proposee']).optional(),
  overdueOnly: z.coerce.boolean().optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const queuePage = z.object({
  items: z.array(queueItem),
  next: z.string().nullable(),
  /** Counts for the whole filtered queue (not just this page). */
  total: z.number().int(),
  overdue: z.number().int(),
});

export const toAssignItem = z.object({
  orientationId: uuid,
  personId: uuid,
  displayName: z.string(),
  birthDate: z.string(),
  communeName: z.string().nullable(),
  path,
  decidedAt: z.string(),
  notifiedAt: z.string().nullable(),
  contractDeadline: z.string().nullable(),
  proposedReferent: people.nullable(),
  previousReferent: people.nullable(),
});

export const decisionFields = z.object({
  path,
  leadKind,
  organisationId: uuid,
  referentAccountId: uuid.nullish().transform((v) => v ?? null),
  reason,
});
export type DecisionFields = z.infer<typeof decisionFields>;

export const transitionBody = z.discriminatedUnion(
  'action',
  [
    decisionFields.extend({ action: z.literal('propose') }),
    decisionFields.extend({ action: z.literal('decide') }),
    z.object({ action: z.literal('rejectProposal'), reason }),
    z.object({ action: z.literal('close'), reason }),
    z.object({
      action: z.literal('assign'),
      referentAccountId: uuid,
      reason: z
        .string()
        .trim()
        .max(500)
        .nullish()
        .transform((v) => v || null),
    }),
  ],
  { message: 'Action inconnue.' },
);
export type TransitionBody = z.infer<typeof transitionBody>;
export const manualActions: readonly OrientationAction[] = [
  'propose',
  'decide',
  'rejectProposal',
  'close',
  'assign',
];

export const startOrientationBody = z.object({
  source: orientationSource.exclude(['reorientation']),
  /** Date the information arrived; the deadline counts from it (defaults to today). */
  informationReceivedOn: isoDate.nullish().transform((v) => v ?? null),
  reason: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => v || null),
});

export const bulkDecisionBody = decisionFields.extend({
  orientationIds: z
    .array(uuid)
    .min(1, 'Sélectionnez au moins une personne.')
    .max(500, 'Au plus 500 personnes par décision groupée.'),
});

export const reorientationRequestBody = z.object({
  reason,
  proposedPath: path,
  proposedLeadKind: leadKind.nullish().transform((v) => v ?? null),
  proposedOrganisationId: uuid.nullish().transform((v) => v ?? null),
});

export const indicatorsQuery = z.object({
  from: isoDate,
  to: isoDate,
  organisationId: uuid.optional(),
});

const split = z.object({
  key: z.string(),
  label: z.string(),
  oriented: z.number().int(),
  withinDelay: z.number().int(),
});
export const orientationIndicators = z.object({
  from: z.string(),
  to: z.string(),
  organisationId: uuid.nullable(),
  oriented: z.number().int(),
  /** Median days from the RSA information to the decision (null when nothing to measure). */
  medianDaysToOrientation: z.number().nullable(),
  withinDelay: z.number().int(),
  withinDelayRate: z.number().nullable(),
  byPath: z.array(split),
  byLeadKind: z.array(split),
  byOrganisation: z.array(split),
  reorientationsRequested: z.number().int(),
  reorientationsAccepted: z.number().int(),
  /** Median days from the decision to the first appointment held with the référent. */
  medianDaysToFirstAppointment: z.number().nullable(),
});
