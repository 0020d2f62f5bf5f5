import { z } from 'zod';
import type { TerritorySettings } from '../territories/settings.schema';

/**
 * The systematic review's alert rules (domain §1 pillar 2, §3, §7), declared here once: the
 * server evaluates each one with a set-based query (modules/review/rules/<id>.ts), the web shows
 * the labels, descriptions and parameters. A rule's parameters have national defaults and are
 * overridable per territory (settings `alertRuleParams`, or the named general setting).
 */
export const alertSeverities = ['haute', 'moyenne', 'basse'] as const;
export const alertSeverity = z.enum(alertSeverities);
export type AlertSeverity = z.infer<typeof alertSeverity>;
export const alertSeverityLabels: Record<AlertSeverity, string> = {
  haute: 'Urgent',
  moyenne: 'À traiter',
  basse: 'À surveiller',
};
/** Sort order: the most urgent first. */
export const severityRank: Record<AlertSeverity, number> = { haute: 0, moyenne: 1, basse: 2 };

export const alertRuleIds = [
  'no_contact',
  'lost_contact',
  'orientation_overdue',
  'referent_missing',
  'contract_unsigned',
  'contract_review_due',
  'contract_ended_no_successor',
  'journey_gap',
  'activity_below_plan',
  'turning_26',
  'rsa_suspended_or_closed',
  'siae_contract_ending',
  'employment_checkpoint',
  'periodic_review_due',
] as const;
export const alertRuleId = z.enum(alertRuleIds, { message: 'Règle d’alerte inconnue.' });
export type AlertRuleId = z.infer<typeof alertRuleId>;

export interface AlertRuleParam {
  key: string;
  label: string;
  unit: 'jours' | 'semaines' | 'mois';
  default: number;
  min: number;
  max: number;
  /** Read from (and written to) this general territory setting instead of `alertRuleParams`. */
  setting?: keyof TerritorySettings;
}

export interface AlertRule {
  id: AlertRuleId;
  label: string;
  severity: AlertSeverity;
  /** When the alert opens, in plain French (shown on the rules page and in the alert). */
  condition: string;
  /** When it closes by itself. */
  resolution: string;
  params: readonly AlertRuleParam[];
  /** Domain events (payload with `personId`) after which the person's alerts of this rule are re-evaluated. */
  triggers: readonly string[];
  /** The data the rule reads: a rule switches on when its module exists. */
  reads: readonly ('people' | 'appointments' | 'orientations' | 'contracts' | 'review' | 'referrals')[];
}

const teamEvents = [
  'ReferentDesignated',
  'TeamMemberJoined',
  'TeamMemberLeft',
  'OrientationReferentAssigned',
];
const contactEvents = ['ContactRecorded', 'AppointmentStatusChanged', 'SituationReviewed'];
const contractEvents = [
  'ContractProposed',
  'ContractSigned',
  'ContractActivated',
  'ContractReviewStarted',
  'ContractReviewed',
  'ContractRenewed',
  'ContractEnded',
  'ContractConverted',
  'ContractPlanChanged',
];
const orientationEvents = [
  'OrientationStarted',
  'OrientationDecided',
  'OrientationNotified',
  'OrientationReferentAssigned',
  'OrientationReplaced',
  'OrientationClosed',
];
const statusEvents = ['PersonStatusAdded', 'PersonStatusEnded'];

export const alertRules: readonly AlertRule[] = [
  {
    id: 'no_contact',
    label: 'Sans contact',
    severity: 'moyenne',
    condition:
      'La personne est suivie et aucun contact (rendez-vous honoré, appel, message répondu) depuis plus de N jours, ou elle était absente à un rendez-vous sans nouvelles depuis.',
    resolution: 'Un contact est enregistré (rendez-vous honoré, appel, message répondu).',
    params: [
      {
        key: 'days',
        label: 'Sans contact depuis plus de',
        unit: 'jours',
        default: 60,
        min: 7,
        max: 730,
        setting: 'noContactWarningDays',
      },
    ],
    triggers: [...contactEvents, ...teamEvents],
    reads: ['people', 'appointments'],
  },
  {
    id: 'lost_contact',
    label: 'Perdu·e de vue',
    severity: 'haute',
    condition: 'La personne est suivie et aucun contact depuis plus de N jours.',
    resolution: 'Un contact est enregistré (rendez-vous honoré, appel, message répondu).',
    params: [
      {
        key: 'days',
        label: 'Sans contact depuis plus de',
        unit: 'jours',
        default: 90,
        min: 14,
        max: 730,
        setting: 'lostContactDays',
      },
    ],
    triggers: [...contactEvents, ...teamEvents],
    reads: ['people', 'appointments'],
  },
  {
    id: 'orientation_overdue',
    label: 'Orientation en retard',
    severity: 'haute',
    condition:
      'L’information RSA a été reçue il y a plus que le délai d’orientation (6 semaines par défaut) et la personne n’est pas orientée.',
    resolution: 'L’orientation est décidée, ou la demande est classée.',
    params: [],
    triggers: orientationEvents,
    reads: ['orientations'],
  },
  {
    id: 'referent_missing',
    label: 'Pas de référent désigné',
    severity: 'haute',
    condition: 'La personne est orientée depuis plus de N jours et n’a pas de référent unique.',
    resolution: 'Un référent unique est désigné.',
    params: [
      { key: 'days', label: 'Après l’orientation, plus de', unit: 'jours', default: 15, min: 1, max: 365 },
    ],
    triggers: [...orientationEvents, ...teamEvents],
    reads: ['orientations', 'people'],
  },
  {
    id: 'contract_unsigned',
    label: 'Contrat non signé',
    severity: 'haute',
    condition:
      'Le délai de signature du contrat d’engagement après la notification de l’orientation est dépassé (1 mois par défaut) et aucun contrat n’est signé.',
    resolution: 'Un contrat d’engagement est signé, ou une nouvelle orientation relance le délai.',
    params: [],
    triggers: [...orientationEvents, ...contractEvents],
    reads: ['orientations', 'contracts'],
  },
  {
    id: 'contract_review_due',
    label: 'Révision du contrat à faire',
    severity: 'moyenne',
    condition: 'La date de révision du contrat en cours arrive dans moins de N jours ou est dépassée.',
    resolution: 'La révision est ouverte (ou le contrat prend fin).',
    params: [
      { key: 'daysBefore', label: 'Prévenir avant la date de', unit: 'jours', default: 15, min: 0, max: 90 },
    ],
    triggers: contractEvents,
    reads: ['contracts'],
  },
  {
    id: 'contract_ended_no_successor',
    label: 'Contrat terminé sans nouveau contrat',
    severity: 'moyenne',
    condition:
      'Le dernier contrat a pris fin depuis plus de N jours sans nouveau contrat, alors que la personne est toujours suivie (hors emploi durable, formation qualifiante, création d’entreprise, déménagement, fin de droits).',
    resolution: 'Un nouveau contrat est commencé, ou le suivi prend fin.',
    params: [
      {
        key: 'days',
        label: 'Après la fin du contrat, plus de',
        unit: 'jours',
        default: 15,
        min: 0,
        max: 365,
      },
    ],
    triggers: [...contractEvents, ...teamEvents],
    reads: ['contracts', 'people'],
  },
  {
    id: 'journey_gap',
    label: 'Rupture de parcours',
    severity: 'haute',
    condition:
      'Une action (ou une immersion) s’est terminée il y a plus de N jours et aucune étape suivante n’a commencé (action prévue ou en cours, orientation vers une offre en cours).',
    resolution: 'Une étape suivante commence.',
    params: [
      {
        key: 'days',
        label: 'Sans étape suivante depuis plus de',
        unit: 'jours',
        default: 30,
        min: 1,
        max: 365,
      },
    ],
    triggers: [
      ...contractEvents,
      'ContractActionChanged',
      'ReferralChanged',
      'ReferralCreated',
      'ReferralStatusChanged',
    ],
    reads: ['contracts', 'referrals'],
  },
  {
    id: 'activity_below_plan',
    label: 'Activité en dessous du plan',
    severity: 'moyenne',
    condition:
      'Pendant N semaines de suite, les heures d’activité faites sont inférieures aux heures prévues (dans la limite de l’objectif hebdomadaire, réductions et dispenses comprises).',
    resolution: 'Une semaine atteint les heures prévues.',
    params: [{ key: 'weeks', label: 'Semaines de suite', unit: 'semaines', default: 3, min: 1, max: 12 }],
    triggers: ['WeeklyHoursRecorded', ...contractEvents, 'ContractActionChanged'],
    reads: ['contracts'],
  },
  {
    id: 'turning_26',
    label: '26 ans bientôt (mission locale)',
    severity: 'moyenne',
    condition:
      'La personne a 26 ans dans moins de N jours (ou les a eus) et est toujours suivie par une mission locale : préparer le relais.',
    resolution: 'La mission locale ne suit plus la personne (relais fait).',
    params: [
      { key: 'days', label: 'Prévenir avant l’anniversaire', unit: 'jours', default: 60, min: 1, max: 365 },
    ],
    triggers: teamEvents,
    reads: ['people'],
  },
  {
    id: 'rsa_suspended_or_closed',
    label: 'RSA suspendu ou clos',
    severity: 'moyenne',
    condition: 'Le droit au RSA de la personne suivie est suspendu ou clos.',
    resolution: 'Le droit est rouvert, ou le suivi prend fin.',
    params: [],
    triggers: [...statusEvents, ...teamEvents],
    reads: ['people'],
  },
  {
    id: 'siae_contract_ending',
    label: 'Fin de contrat en insertion (SIAE) proche',
    severity: 'moyenne',
    condition: 'Le contrat en structure d’insertion se termine dans moins de N jours : préparer la suite.',
    resolution: 'La date de fin est passée ou a été repoussée.',
    params: [{ key: 'days', label: 'Prévenir avant la fin', unit: 'jours', default: 60, min: 1, max: 365 }],
    triggers: statusEvents,
    reads: ['people'],
  },
  {
    id: 'employment_checkpoint',
    label: 'Point de suivi dans l’emploi',
    severity: 'moyenne',
    condition:
      'La personne a commencé un emploi il y a 1, 3 ou 6 mois : faire le point (suivi des premiers mois dans l’emploi).',
    resolution: 'Un point de situation ou un contact est enregistré après la date du point.',
    params: [
      { key: 'firstMonths', label: 'Premier point après', unit: 'mois', default: 1, min: 1, max: 24 },
      { key: 'secondMonths', label: 'Deuxième point après', unit: 'mois', default: 3, min: 1, max: 24 },
      { key: 'thirdMonths', label: 'Troisième point après', unit: 'mois', default: 6, min: 1, max: 24 },
    ],
    triggers: [...statusEvents, ...contactEvents],
    reads: ['people', 'review'],
  },
  {
    id: 'periodic_review_due',
    label: 'Point de situation à faire',
    severity: 'basse',
    condition: 'Aucun point de situation depuis plus de N jours pour une personne suivie.',
    resolution: 'Un point de situation est enregistré.',
    params: [
      {
        key: 'days',
        label: 'Point de situation au moins tous les',
        unit: 'jours',
        default: 90,
        min: 7,
        max: 730,
        setting: 'periodicReviewDays',
      },
    ],
    triggers: ['SituationReviewed', ...teamEvents],
    reads: ['people', 'review'],
  },
];

export const alertRuleById: Record<AlertRuleId, AlertRule> = Object.fromEntries(
  alertRules.map((r) => [r.id, r]),
) as Record<AlertRuleId, AlertRule>;

/** The territory's value of each parameter of a rule (override, general setting or default). */
export function effectiveRuleParams(
  rule: AlertRule,
  settings: Partial<TerritorySettings> & { alertRuleParams?: Record<string, Record<string, number>> },
): Record<string, number> {
  const overrides = settings.alertRuleParams?.[rule.id] ?? {};
  const out: Record<string, number> = {};
  for (const p of rule.params) {
    const fromSetting = p.setting ? settings[p.setting] : undefined;
    out[p.key] = typeof fromSetting === 'number' ? fromSetting : (overrides[p.key] ?? p.default);
  }
  return out;
}

/** Checks a rule's parameter values; French messages keyed by parameter. */
export function ruleParamsSchema(rule: AlertRule) {
  const shape: Record<string, z.ZodType> = {};
  for (const p of rule.params) {
    shape[p.key] = z
      .number({ message: `${p.label} : un nombre entier est attendu.` })
      .int(`${p.label} : un nombre entier est attendu.`)
      .min(p.min, `${p.label} : au moins ${p.min} ${p.unit}.`)
      .max(p.max, `${p.label} : au plus ${p.max} ${p.unit}.`);
  }
  return z.strictObject(shape, { message: 'Paramètre inconnu pour cette règle.' });
}
