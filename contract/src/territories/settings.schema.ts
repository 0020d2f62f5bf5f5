import { z } from 'zod';

const days = (label: string, def: number, max = 3650) =>
  z
    .number({ message: `${label} : un nombre entier de jours est attendu.` })
    .int(`${label} : un nombre entier de jours est attendu.`)
    .min(1, `${label} : au moins 1 jour.`)
    .max(max, `${label} : au plus ${max} jours.`)
    .default(def);

/**
 * Territory settings (domain.md "(param)" rules). Every legal delay or national target is a
 * setting with the national default, never a constant in code.
 */
export const territorySettings = z.object({
  orientationDelayDays: days("Délai d'orientation", 42, 365),
  /** Orientations are proposed, then validated by another decision (optional step). */
  orientationValidationStep: z.boolean().default(false),
  contractSignatureDelayDays: days('Délai de signature du contrat', 30, 365),
  weeklyActivityHours: z
    .number({ message: "Heures d'activité hebdomadaire : un nombre est attendu." })
    .min(0, "Heures d'activité hebdomadaire : pas de valeur négative.")
    .max(35, "Heures d'activité hebdomadaire : au plus 35 heures.")
    .default(15),
  signatureLinkDays: days('Validité d’un lien de signature', 7, 30),
  socialPathReviewMonths: z.number().int().min(1).max(24).default(6),
  socialPathReviewExtendedMonths: z.number().int().min(1).max(24).default(12),
  contractReviewMonths: z.number().int().min(1).max(24).default(6),
  noContactWarningDays: days('Seuil « sans contact »', 60, 730),
  lostContactDays: days('Seuil « perdu·e de vue »', 90, 730),
  periodicReviewDays: days('Fréquence du point de situation', 90, 730),
  invitationExpiryDays: days("Expiration d'une invitation", 10, 90),
  invitationReminderDays: days("Relance d'une invitation", 3, 90),
  appointmentReminderDaysBefore: days('Rappel avant rendez-vous', 2, 30),
  firstOrientationAppointmentDays: days('Premier rendez-vous d’orientation', 45, 365),
  firstSupportAppointmentDays: days('Premier rendez-vous d’accompagnement', 30, 365),
  referralReminderDays: days('Relance d’une prescription sans réponse', 10, 60),
  referralExpiryDays: days('Expiration d’une prescription sans réponse', 30, 180),
  referralLinkDays: days('Validité d’un lien de prescription', 8, 30),
  serviceFreshnessDays: days('Rappel de mise à jour d’une offre', 180, 730),
  retentionMonths: z
    .number({ message: 'Durée de conservation : un nombre de mois est attendu.' })
    .int()
    .min(1, 'Durée de conservation : au moins 1 mois.')
    .max(120, 'Durée de conservation : au plus 120 mois.')
    .default(24),
  appointmentRetentionMonths: z
    .number({ message: 'Conservation des rendez-vous : un nombre de mois est attendu.' })
    .int()
    .min(1, 'Conservation des rendez-vous : au moins 1 mois.')
    .max(36, 'Conservation des rendez-vous : au plus 36 mois.')
    .default(12),
  /**
   * Overrides of the alert rules' own parameters, by rule id then parameter key (see
   * review/review.rules.ts; values are checked against each rule's bounds when saved).
   */
  alertRuleParams: z
    .record(z.string(), z.record(z.string(), z.number().int().min(0, 'Pas de valeur négative.')))
    .default({}),
});
export type TerritorySettings = z.infer<typeof territorySettings>;

/** Defaults are the schema's defaults: parse an empty object. */
export const defaultTerritorySettings: TerritorySettings = territorySettings.parse({});

/** The general settings shown on the settings page (rule parameters have their own page). */
export type GeneralSettingKey = Exclude<keyof TerritorySettings, 'alertRuleParams'>;
export const settingLabels: Record<GeneralSettingKey, { label: string; unit: string; hint: string }> = {
  orientationDelayDays: {
    label: "Délai d'orientation",
    unit: 'jours',
    hint: "Après réception de l'information RSA (6 semaines par défaut, décret 2024-1244).",
  },
  orientationValidationStep: {
    label: 'Étape de validation des orientations',
    unit: '',
    hint: 'Si cochée, une orientation est d’abord proposée, puis validée par une décision.',
  },
  contractSignatureDelayDays: {
    label: 'Délai de signature du contrat d’engagement',
    unit: 'jours',
    hint: "Après la notification de l'orientation (1 mois par défaut).",
  },
  weeklyActivityHours: {
    label: 'Activité hebdomadaire attendue',
    unit: 'heures',
    hint: '15 heures par défaut, adaptable à la situation de la personne.',
  },
  signatureLinkDays: {
    label: 'Validité d’un lien de signature à distance',
    unit: 'jours',
    hint: 'Le lien envoyé à la personne pour signer son contrat ne sert qu’une fois (7 jours par défaut).',
  },
  socialPathReviewMonths: { label: 'Réexamen du parcours social', unit: 'mois', hint: '6 mois par défaut.' },
  socialPathReviewExtendedMonths: {
    label: 'Réexamen du parcours social (prolongé)',
    unit: 'mois',
    hint: 'Jusqu’à 12 mois pour raison de santé, handicap, logement ou famille.',
  },
  contractReviewMonths: { label: 'Révision du contrat', unit: 'mois', hint: '6 mois par défaut.' },
  noContactWarningDays: {
    label: 'Alerte « sans contact »',
    unit: 'jours',
    hint: 'Sans échange avec la personne depuis ce délai (60 jours par défaut).',
  },
  lostContactDays: { label: 'Alerte « perdu·e de vue »', unit: 'jours', hint: '90 jours par défaut.' },
  periodicReviewDays: {
    label: 'Point de situation',
    unit: 'jours',
    hint: 'Chaque personne suivie est revue au moins à cette fréquence (90 jours par défaut).',
  },
  invitationExpiryDays: { label: "Expiration d'une invitation", unit: 'jours', hint: '10 jours par défaut.' },
  invitationReminderDays: {
    label: "Relance d'une invitation",
    unit: 'jours',
    hint: '3 jours après l’envoi par défaut.',
  },
  appointmentReminderDaysBefore: {
    label: 'Rappel de rendez-vous',
    unit: 'jours avant',
    hint: '2 jours avant par défaut.',
  },
  firstOrientationAppointmentDays: {
    label: "Premier rendez-vous d'orientation",
    unit: 'jours',
    hint: 'Objectif de délai (45 jours par défaut).',
  },
  firstSupportAppointmentDays: {
    label: "Premier rendez-vous d'accompagnement",
    unit: 'jours',
    hint: 'Objectif de délai (30 jours par défaut).',
  },
  referralReminderDays: {
    label: 'Relance d’une prescription sans réponse',
    unit: 'jours',
    hint: 'La structure qui reçoit la prescription est relancée (10 jours par défaut).',
  },
  referralExpiryDays: {
    label: 'Expiration d’une prescription sans réponse',
    unit: 'jours',
    hint: 'Sans réponse, la prescription expire (30 jours par défaut).',
  },
  referralLinkDays: {
    label: 'Validité d’un lien de prescription',
    unit: 'jours',
    hint: 'Pour une structure sans compte (8 jours par défaut, renouvelable).',
  },
  serviceFreshnessDays: {
    label: 'Rappel de mise à jour d’une offre',
    unit: 'jours',
    hint: 'Sans mise à jour, la structure est invitée à vérifier son offre (180 jours par défaut).',
  },
  retentionMonths: {
    label: 'Conservation des données actives',
    unit: 'mois',
    hint: 'Après le dernier contact avec la personne (24 mois par défaut).',
  },
  appointmentRetentionMonths: {
    label: 'Conservation des rendez-vous',
    unit: 'mois',
    hint: 'Entre 1 et 36 mois.',
  },
};
