import { z } from 'zod';
import { uuid } from '../http';
import { isoDate } from '../people/people.schema';
import { alertRuleId, alertSeverity } from './review.rules';

const ref = z.object({ id: uuid, name: z.string() });
const accountRef = z.object({ accountId: uuid, name: z.string() });
const shortText = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`);

// ——— Alerts ———

/** `ouverte → prise_en_compte → resolue`; resolved by the rule itself when its condition clears. */
export const alertStatuses = ['ouverte', 'prise_en_compte', 'resolue'] as const;
export const alertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof alertStatus>;
export const alertStatusLabels: Record<AlertStatus, string> = {
  ouverte: 'Ouverte',
  prise_en_compte: 'Prise en compte',
  resolue: 'Résolue',
};
export const alertResolutions = ['condition_levee', 'remplacee', 'suivi_termine'] as const;
export const alertResolutionLabels: Record<(typeof alertResolutions)[number], string> = {
  condition_levee: 'Résolue : la situation est rétablie',
  remplacee: 'Remplacée par une alerte plus grave',
  suivi_termine: 'Le suivi de la personne a pris fin',
};
export const alertHistoryActions = ['ouverte', 'prise_en_compte', 'reportee', 'reprise', 'resolue'] as const;
export const alertHistoryActionLabels: Record<(typeof alertHistoryActions)[number], string> = {
  ouverte: 'Alerte ouverte',
  prise_en_compte: 'Prise en compte',
  reportee: 'Reportée',
  reprise: 'Report annulé',
  resolue: 'Résolue',
};

export const alertView = z.object({
  id: uuid,
  personId: uuid,
  ruleId: alertRuleId,
  label: z.string(),
  severity: alertSeverity,
  status: alertStatus,
  /** Plain-French facts of this episode, e.g. « Dernier contact le 3 août 2026 (112 jours) ». */
  detail: z.string(),
  /** When the condition started to hold (e.g. the deadline that passed), if known. */
  since: z.string().nullable(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: accountRef.nullable(),
  note: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  snoozeReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(alertResolutions).nullable(),
});
export type AlertView = z.infer<typeof alertView>;

export const alertHistoryEntry = z.object({
  at: z.string(),
  action: z.enum(alertHistoryActions),
  by: accountRef.nullable(),
  note: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
});
export const alertDetail = alertView.extend({ history: z.array(alertHistoryEntry) });

/** The person's alerts: open ones first (snoozed included, flagged), then the last resolved ones. */
export const personAlerts = z.object({
  open: z.array(alertView),
  resolved: z.array(alertView),
  lastReview: z
    .object({
      reviewedOn: z.string(),
      by: accountRef,
      nextStep: z.string().nullable(),
      nextStepOn: z.string().nullable(),
    })
    .nullable(),
  /** Next « point de situation » due date for this person (periodic review). */
  reviewDueOn: z.string().nullable(),
  lastContactAt: z.string().nullable(),
});

export const acknowledgeBody = z.object({
  note: shortText('Note', 500).min(2, 'Indiquez ce qui est fait ou prévu.'),
  nextStepOn: isoDate,
});
export const snoozeBody = z.object({
  until: isoDate,
  reason: shortText('Motif', 300).min(2, 'Indiquez pourquoi l’alerte est reportée.'),
});

// ——— Contacts (what resets the lost-contact clock) ———

export const contactKinds = ['appel', 'message', 'visite', 'rendez_vous'] as const;
export const contactKind = z.enum(contactKinds, { message: 'Type de contact inconnu.' });
export const contactKindLabels: Record<(typeof contactKinds)[number], string> = {
  appel: 'Appel téléphonique avec la personne',
  message: 'Message auquel la personne a répondu',
  visite: 'Passage de la personne / visite',
  rendez_vous: 'Rendez-vous honoré',
};
/** Recorded by hand: a held appointment is recorded by the appointment itself. */
export const recordContactBody = z.object({
  kind: z.enum(['appel', 'message', 'visite'], { message: 'Choisissez le type de contact.' }),
  occurredOn: isoDate,
  note: shortText('Note', 300).optional(),
});

// ——— Point de situation (periodic review) ———

export const situationReviewBody = z.object({
  situation: shortText('Situation', 1000).min(2, 'Décrivez la situation en quelques mots.'),
  nextStep: shortText('Prochaine étape', 300).min(2, 'Indiquez la prochaine étape.'),
  nextStepOn: isoDate,
  /** The review was held with the person (counts as a contact). */
  withPerson: z.boolean().default(true),
});
export const situationReview = z.object({
  id: uuid,
  personId: uuid,
  reviewedOn: z.string(),
  by: accountRef,
  organisation: ref,
  situation: z.string(),
  nextStep: z.string(),
  nextStepOn: z.string(),
  withPerson: z.boolean(),
});

// ——— « Ma file active » ———

export const caseloadQuery = z.object({
  /** Only people with an open alert of this rule. */
  ruleId: alertRuleId.optional(),
  severity: alertSeverity.optional(),
  /** `alertes`: people with at least one open, non-snoozed alert (default); `tous`: the whole caseload. */
  show: z.enum(['alertes', 'tous', 'reportees']).default('alertes'),
  communeCode: z
    .string()
    .regex(/^\d[0-9AB]\d{3}$/, 'Commune inconnue.')
    .optional(),
  q: z.string().trim().max(100).optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const caseloadRow = z.object({
  personId: uuid,
  displayName: z.string(),
  commune: z.string().nullable(),
  role: z.enum(['referent', 'co_referent']),
  /** Most urgent first. */
  alerts: z.array(
    alertView.pick({
      id: true,
      ruleId: true,
      label: true,
      severity: true,
      status: true,
      detail: true,
      nextStepOn: true,
      snoozedUntil: true,
    }),
  ),
  topSeverity: alertSeverity.nullable(),
  lastContactAt: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
});
export const caseloadPage = z.object({
  items: z.array(caseloadRow),
  next: z.string().nullable(),
  total: z.number().int(),
  /** Open, non-snoozed alerts of the whole caseload by rule (the filters' counts). */
  countsByRule: z.array(z.object({ ruleId: alertRuleId, label: z.string(), count: z.number().int() })),
  withAlerts: z.number().int(),
  snoozed: z.number().int(),
});

// ——— Managers: counts by organisation, référent and rule ———

export const overviewQuery = z.object({
  /** `organisation`: the caller's organisation (structure managers); `territory`: territory admins, steering. */
  scope: z.enum(['organisation', 'territory']).default('organisation'),
  organisationId: uuid.optional(),
  ruleId: alertRuleId.optional(),
});
export const countRow = z.object({
  ruleId: alertRuleId,
  label: z.string(),
  severity: alertSeverity,
  count: z.number().int(),
});
export const overview = z.object({
  scope: z.enum(['organisation', 'territory']),
  organisation: ref.nullable(),
  byRule: z.array(countRow),
  /** Territory scope: one row per organisation; organisation scope: one per référent. */
  byGroup: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      people: z.number().int(),
      withAlerts: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
  total: z.object({ people: z.number().int(), withAlerts: z.number().int(), alerts: z.number().int() }),
});

/** « Point de situation » coverage: share of the caseload reviewed within the period. */
export const coverageQuery = z.object({
  scope: z.enum(['mine', 'organisation', 'territory']).default('mine'),
  organisationId: uuid.optional(),
});
export const coverageRow = z.object({
  id: uuid,
  name: z.string(),
  people: z.number().int(),
  reviewedOnTime: z.number().int(),
  /** 0–100, one decimal; null when nobody is followed. */
  rate: z.number().nullable(),
});
export const coverage = z.object({
  periodDays: z.number().int(),
  total: coverageRow.omit({ id: true, name: true }),
  /** By référent (mine / organisation) or by organisation (territory). */
  rows: z.array(coverageRow),
});

// ——— Rules and their territory parameters ———

export const ruleView = z.object({
  id: alertRuleId,
  label: z.string(),
  severity: alertSeverity,
  condition: z.string(),
  resolution: z.string(),
  params: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      default: z.number(),
      min: z.number(),
      max: z.number(),
      value: z.number(),
      setting: z.string().nullable(),
    }),
  ),
  openCount: z.number().int(),
});
export const updateRuleBody = z.object({ params: z.record(z.string(), z.unknown()) });
export const ruleIdParams = z.object({ ruleId: alertRuleId });

export const recomputeResult = z.object({
  people: z.number().int(),
  opened: z.number().int(),
  resolved: z.number().int(),
  durationMs: z.number().int(),
});
