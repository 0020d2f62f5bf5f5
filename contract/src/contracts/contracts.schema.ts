import { z } from 'zod';
import { path } from '../diagnostics/diagnostics.enums';
import { uuid } from '../http';
import { isoDate } from '../people/people.schema';
import {
  actionStatus,
  adjustmentGround,
  adjustmentKind,
  hoursSource,
  MAX_WEEKLY_HOURS,
  objectiveStatus,
  planTheme,
  signatureChannel,
  signatureMode,
} from './contracts.enums';
import {
  contractAction,
  contractEndReason,
  contractKind,
  contractStatus,
  legacyContractKind,
} from './contracts.workflow';

const ref = z.object({ id: uuid, name: z.string() });
const accountRef = z.object({ accountId: uuid, name: z.string() });

/** Free text in the plan is short and never meant for health or justice details. */
const shortText = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`);
const label = (what: string) => shortText(what, 150).min(2, `${what} : au moins 2 caractères.`);
const reason = shortText('Motif', 500).min(1, 'Indiquez un motif.');
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,60}$/, 'Code inconnu.');
export const weekStart = isoDate.refine(
  (v) => new Date(`${v}T00:00:00Z`).getUTCDay() === 1,
  'La semaine commence un lundi (date du lundi attendue).',
);
const hours = (what: string, max: number) =>
  z
    .number({ message: `${what} : un nombre d’heures est attendu.` })
    .min(0, `${what} : pas de valeur négative.`)
    .max(max, `${what} : au plus ${max} heures par semaine.`)
    .multipleOf(0.25, `${what} : par quart d’heure (0,25).`);

// ——— Action plan ———

export const contractActionView = z.object({
  id: uuid,
  objectiveId: uuid,
  code: z.string().nullable(),
  label: z.string(),
  responsibleOrganisation: ref.nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string().nullable(),
  plannedWeeklyHours: z.number(),
  status: actionStatus,
  statusReason: z.string().nullable(),
  /** Links kept for the catalogue and referrals (null until those exist). */
  serviceId: z.string().nullable(),
  referralId: uuid.nullable(),
  hoursDone: z.number(),
});
export type ContractActionView = z.infer<typeof contractActionView>;

export const objective = z.object({
  id: uuid,
  code: z.string().nullable(),
  label: z.string(),
  theme: planTheme,
  /** The diagnostic need it answers (theme and what the diagnostic said), when linked. */
  need: z
    .object({ diagnosticId: uuid, diagnosticVersion: z.number().int(), theme: planTheme, level: z.string() })
    .nullable(),
  status: objectiveStatus,
  statusReason: z.string().nullable(),
  actions: z.array(contractActionView),
});
export type Objective = z.infer<typeof objective>;

export const adjustment = z.object({
  id: uuid,
  kind: adjustmentKind,
  ground: adjustmentGround,
  justification: z.string().nullable(),
  /** Target hours while it applies (0 for a waiver). */
  hours: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  recordedBy: accountRef,
  recordedAt: z.string(),
});
export type Adjustment = z.infer<typeof adjustment>;

export const contractVersion = z.object({
  version: z.number().int(),
  amendment: z.boolean(),
  signedAt: z.string(),
  signatureMode: signatureMode,
  /** Remote signature: channel of the link and of the code. */
  channel: signatureChannel.nullable(),
  recordedBy: accountRef.nullable(),
  /** The signed contract's PDF in the person's documents (null while the worker renders it). */
  documentId: uuid.nullable(),
  scanDocumentId: uuid.nullable(),
});

export const signatureLinkView = z.object({
  id: uuid,
  channel: signatureChannel,
  sentTo: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
  sentBy: accountRef,
});
export type SignatureLinkView = z.infer<typeof signatureLinkView>;

export const contractDeadlines = z.object({
  /** Sign within the territory's delay after the orientation notification (restarts on a new orientation). */
  signatureDeadline: z.string().nullable(),
  signatureOverdue: z.boolean(),
  reviewDueOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  endOn: z.string().nullable(),
});
export type ContractDeadlines = z.infer<typeof contractDeadlines>;

export const contractSummary = z.object({
  id: uuid,
  personId: uuid,
  kind: contractKind,
  status: contractStatus,
  version: z.number().int(),
  organisation: ref.nullable(),
  /** Older contracts may come from an organisation that is not in SPIE. */
  organisationName: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  signedAt: z.string().nullable(),
  endReason: contractEndReason.nullable(),
  endNote: z.string().nullable(),
  previousContractId: uuid.nullable(),
  nextContractId: uuid.nullable(),
  createdAt: z.string(),
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const contract = contractSummary.extend({
  orientationId: uuid.nullable(),
  path: path.nullable(),
  referent: accountRef.nullable(),
  weeklyTargetHours: z.number(),
  organisationCommitments: z.array(z.string()),
  nextAppointment: z.object({ at: z.string(), place: z.string() }).nullable(),
  reviewExtensionReason: z.string().nullable(),
  note: z.string().nullable(),
  deadlines: contractDeadlines,
  /** The plan changed since the last signed version (an amendment must be signed). */
  planChanged: z.boolean(),
  objectives: z.array(objective),
  adjustments: z.array(adjustment),
  versions: z.array(contractVersion),
  pendingLink: signatureLinkView.nullable(),
  /** Optimistic concurrency on the header. */
  revision: z.number().int(),
  allowedActions: z.array(contractAction),
  /** The current user may record hours (référent or organisation running an action). */
  canRecordHours: z.boolean(),
});
export type Contract = z.infer<typeof contract>;

export const personContracts = z.object({
  current: contract.nullable(),
  history: z.array(contractSummary),
  /** The orientation the next contract answers, if any (its notification starts the signature delay). */
  orientation: z
    .object({
      id: uuid,
      path: path.nullable(),
      organisation: ref.nullable(),
      notifiedAt: z.string().nullable(),
      contractDeadline: z.string().nullable(),
    })
    .nullable(),
  defaultWeeklyHours: z.number(),
  /** The current user may create or edit the contract (référent or co-référent). */
  canWrite: z.boolean(),
});
export type PersonContracts = z.infer<typeof personContracts>;

/** Needs found by the latest diagnostic, with objectives of the territory list for each theme. */
export const planNeeds = z.object({
  diagnostic: z.object({ id: uuid, version: z.number().int(), completedAt: z.string() }).nullable(),
  needs: z.array(
    z.object({
      theme: planTheme,
      /** `fort` / `moyen` for a constraint family, `besoin` for a professional axis. */
      level: z.string(),
      levelLabel: z.string(),
      suggestedObjectives: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
});
export type PlanNeeds = z.infer<typeof planNeeds>;

// ——— Bodies ———

const commitments = z
  .array(shortText('Engagement de la structure', 300).min(2, 'Engagement : au moins 2 caractères.'))
  .max(10, 'Au plus 10 engagements de la structure.');
const nextAppointment = z
  .object({
    at: z.iso.datetime({ offset: true, message: 'Date et heure du rendez-vous invalides.' }),
    place: shortText('Lieu', 200).min(2, 'Lieu : au moins 2 caractères.'),
  })
  .nullable();

export const createContractBody = z.object({
  startOn: isoDate,
  endOn: isoDate,
  weeklyTargetHours: hours('Activité hebdomadaire', 35).optional(),
});

export const updateContractBody = z.object({
  revision: z.number().int(),
  startOn: isoDate,
  endOn: isoDate,
  weeklyTargetHours: hours('Activité hebdomadaire', 35),
  organisationCommitments: commitments,
  nextAppointment,
  reviewExtensionReason: z.enum(['sante', 'handicap', 'logement', 'famille']).nullable(),
  note: shortText('Observation', 500).nullable(),
});

export const legacyContractBody = z.object({
  kind: legacyContractKind,
  organisationId: uuid.nullable(),
  organisationName: shortText('Structure', 150).nullable(),
  startOn: isoDate,
  endOn: isoDate.nullable(),
  signedOn: isoDate.nullable(),
  /** Still running: it can then be converted into an engagement contract. */
  running: z.boolean(),
  note: shortText('Observation', 500).nullable(),
});

export const objectiveBody = z
  .object({
    /** From the territory list; or a short free label. */
    code: code.nullable(),
    label: label('Objectif').nullable(),
    theme: planTheme,
    /** Links the objective to a need of the latest diagnostic (its theme). */
    linkToDiagnostic: z.boolean().default(true),
  })
  .refine((b) => b.code !== null || b.label !== null, {
    message: 'Choisissez un objectif dans la liste ou écrivez-le.',
    path: ['label'],
  });

export const objectiveUpdateBody = z.object({
  status: objectiveStatus,
  statusReason: shortText('Motif', 500).nullable(),
});

export const actionBody = z
  .object({
    code: code.nullable(),
    label: label('Action').nullable(),
    responsibleOrganisationId: uuid.nullable(),
    plannedStart: isoDate,
    plannedEnd: isoDate.nullable(),
    plannedWeeklyHours: hours('Heures prévues', 35),
  })
  .refine((b) => b.code !== null || b.label !== null, {
    message: 'Choisissez une action dans la liste ou écrivez-la.',
    path: ['label'],
  });

/** Planned fields change the plan (amendment); status is follow-up. */
export const actionUpdateBody = z.object({
  plan: z
    .object({
      label: label('Action').nullable(),
      responsibleOrganisationId: uuid.nullable(),
      plannedStart: isoDate,
      plannedEnd: isoDate.nullable(),
      plannedWeeklyHours: hours('Heures prévues', 35),
    })
    .optional(),
  status: actionStatus.optional(),
  statusReason: shortText('Motif', 500).nullable().optional(),
});

export const adjustmentBody = z.object({
  kind: adjustmentKind,
  ground: adjustmentGround,
  justification: shortText('Justification', 500).nullable(),
  /** Reduced weekly target (ignored for a waiver). */
  hours: hours('Heures par semaine', 35).nullable(),
  startOn: isoDate,
  endOn: isoDate,
});

export const contractTransitionBody = z.object({
  action: contractAction,
  reason: reason.optional(),
  note: shortText('Note', 1000).optional(),
  endReason: contractEndReason.optional(),
  /** In-person signature. */
  signatureMode: z.enum(['papier', 'ecran'], { message: 'Sur papier ou à l’écran ?' }).optional(),
  signedOn: isoDate.optional(),
  scan: z
    .object({
      filename: shortText('Nom du fichier', 200).min(1),
      contentBase64: z.string().min(1).max(14_000_000, 'Fichier trop lourd : 10 Mo au plus.'),
    })
    .optional(),
});

export const hoursBody = z.object({
  weekStart,
  hours: hours('Heures réalisées', MAX_WEEKLY_HOURS),
  /** The person told how many hours they did (recorded as declared). */
  declaredByPerson: z.boolean().default(false),
});

export const hoursEntry = z.object({
  actionId: uuid,
  weekStart: z.string(),
  hours: z.number(),
  source: hoursSource,
  recordedBy: accountRef.nullable(),
  recordedAt: z.string(),
});
export type HoursEntry = z.infer<typeof hoursEntry>;

// ——— Weekly activity ———

export const weekActivity = z.object({
  weekStart: z.string(),
  /** Weekly target in force that week (default or contract target, reduced or waived). */
  targetHours: z.number(),
  /** Sum of the planned hours of the actions running that week. */
  plannedHours: z.number(),
  doneHours: z.number(),
  /** Part of doneHours declared by the person. */
  declaredHours: z.number(),
  adjustment: z.object({ kind: adjustmentKind, ground: adjustmentGround, endOn: z.string() }).nullable(),
});
export type WeekActivity = z.infer<typeof weekActivity>;

export const weeklyActivityQuery = z.object({
  from: weekStart.optional(),
  to: weekStart.optional(),
});
export const weeklyActivity = z.object({
  contractId: uuid.nullable(),
  from: z.string(),
  to: z.string(),
  weeks: z.array(weekActivity),
});
export type WeeklyActivity = z.infer<typeof weeklyActivity>;

export const weekDetail = z.object({
  contractId: uuid,
  weekStart: z.string(),
  targetHours: z.number(),
  actions: z.array(
    z.object({
      actionId: uuid,
      label: z.string(),
      objectiveLabel: z.string(),
      responsibleOrganisation: ref.nullable(),
      plannedHours: z.number(),
      entry: hoursEntry.nullable(),
      canRecord: z.boolean(),
    }),
  ),
});
export type WeekDetail = z.infer<typeof weekDetail>;

// ——— Worklist « Contrats à signer / à réviser » ———

export const worklistKinds = ['a_signer', 'a_reviser'] as const;
export const worklistQuery = z.object({
  list: z.enum(worklistKinds).default('a_signer'),
  scope: z.enum(['mine', 'organisation']).default('mine'),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const worklistItem = z.object({
  personId: uuid,
  displayName: z.string(),
  contractId: uuid.nullable(),
  status: contractStatus.nullable(),
  referent: accountRef.nullable(),
  /** À signer: the signature deadline; à réviser: the review date. */
  dueOn: z.string().nullable(),
  /** Negative when overdue. */
  daysLeft: z.number().int().nullable(),
  lastLinkSentAt: z.string().nullable(),
});
export type WorklistItem = z.infer<typeof worklistItem>;
export const worklistPage = z.object({
  items: z.array(worklistItem),
  next: z.string().nullable(),
  counts: z.object({ a_signer: z.number().int(), a_reviser: z.number().int(), overdue: z.number().int() }),
});

// ——— Remote signature ———

export const issueLinkBody = z.object({ channel: signatureChannel.optional() });
export const bulkIssueLinksBody = z.object({
  contractIds: z
    .array(uuid)
    .min(1, 'Choisissez au moins un contrat.')
    .max(1000, 'Au plus 1 000 liens à la fois.'),
});
export const bulkIssueLinksResult = z.object({
  issued: z.number().int(),
  skipped: z.array(z.object({ contractId: uuid, reason: z.string() })),
});

export const signatureToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Lien de signature invalide.'),
});
/** What the person sees before proving who they are: no personal data beyond their first name. */
export const publicSignatureState = z.object({
  state: z.enum(['valide', 'expire', 'utilise', 'remplace']),
  firstName: z.string().nullable(),
  organisationName: z.string(),
  /** Who to ask for a new link (référent, organisation phone or e-mail). */
  contact: z.object({
    referentName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  codeChannels: z.array(z.object({ channel: signatureChannel, masked: z.string() })),
});
export type PublicSignatureState = z.infer<typeof publicSignatureState>;
export const sendCodeBody = z.object({ channel: signatureChannel });
export const verifyCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Le code contient 6 chiffres.'),
});
/** The plain-French summary the person reads before signing. */
export const signatureSummary = z.object({
  firstName: z.string(),
  organisationName: z.string(),
  referentName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  amendment: z.boolean(),
  myCommitments: z.array(
    z.object({
      objective: z.string(),
      actions: z.array(z.object({ label: z.string(), when: z.string(), hoursPerWeek: z.number() })),
    }),
  ),
  organisationCommitments: z.array(z.string()),
  weeklyActivity: z.object({ targetHours: z.number(), adjustment: z.string().nullable() }),
  nextAppointment: z.object({ at: z.string(), place: z.string() }).nullable(),
  rights: z.array(z.string()),
});
export type SignatureSummary = z.infer<typeof signatureSummary>;
export const verifiedSignature = z.object({
  /** Short-lived proof that the code was checked; needed to sign. */
  ticket: z.string(),
  summary: signatureSummary,
});
export const signBody = z.object({
  ticket: z.string().min(20).max(100),
  accepted: z.literal(true, { message: 'Cochez la case pour confirmer votre engagement.' }),
});
export const signedResult = z.object({ signedAt: z.string(), organisationName: z.string() });

// ——— Territory list of objectives and actions (reference list `action_plan`) ———

const listItem = z.object({
  code,
  label: label('Libellé'),
  retired: z.boolean().default(false),
});
export const actionPlanContent = z.object({
  objectives: z
    .array(listItem.extend({ theme: planTheme }))
    .min(1)
    .max(500),
  actions: z
    .array(
      listItem.extend({
        themes: z.array(planTheme).min(1).max(14),
        /** Usual weekly hours of this action (prefills the plan). */
        defaultWeeklyHours: hours('Heures par défaut', 35).default(0),
      }),
    )
    .min(1)
    .max(1000),
});
export type ActionPlanContent = z.infer<typeof actionPlanContent>;
