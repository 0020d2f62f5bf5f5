import { z } from 'zod';
import {
  constraintFamilies,
  constraintFamilyLabels,
  professionalAxes,
  professionalAxisLabels,
} from '../diagnostics/diagnostics.enums';

/**
 * Themes of the action plan: the eight constraint families and the six professional axes of the
 * diagnostic, so that each objective answers a need the diagnostic found.
 */
export const planThemes = [...constraintFamilies, ...professionalAxes] as const;
export const planTheme = z.enum(planThemes, { message: 'Thème inconnu.' });
export type PlanTheme = z.infer<typeof planTheme>;
export const planThemeLabels: Record<PlanTheme, string> = {
  ...constraintFamilyLabels,
  ...professionalAxisLabels,
};

export const objectiveStatuses = ['en_cours', 'atteint', 'abandonne'] as const;
export const objectiveStatus = z.enum(objectiveStatuses, { message: 'État de l’objectif inconnu.' });
export type ObjectiveStatus = z.infer<typeof objectiveStatus>;
export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  en_cours: 'En cours',
  atteint: 'Atteint',
  abandonne: 'Abandonné',
};

export const actionStatuses = [
  'prevue',
  'en_cours',
  'realisee',
  'abandonnee_personne',
  'annulee_structure',
] as const;
export const actionStatus = z.enum(actionStatuses, { message: 'État de l’action inconnu.' });
export type ActionStatus = z.infer<typeof actionStatus>;
export const actionStatusLabels: Record<ActionStatus, string> = {
  prevue: 'Prévue',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  abandonnee_personne: 'Abandonnée par la personne',
  annulee_structure: 'Annulée par la structure',
};
/** These end states need a reason. */
export const actionStatusesWithReason: readonly ActionStatus[] = ['abandonnee_personne', 'annulee_structure'];
/** Planned hours of these actions no longer count in the weekly plan. */
export const stoppedActionStatuses: readonly ActionStatus[] = ['abandonnee_personne', 'annulee_structure'];

/** Legal grounds for reducing or waiving the weekly activity (domain §3). */
export const adjustmentGrounds = [
  'sante',
  'handicap_invalidite',
  'parent_isole_sans_garde',
  'autre',
] as const;
export const adjustmentGround = z.enum(adjustmentGrounds, { message: 'Choisissez le motif.' });
export type AdjustmentGround = z.infer<typeof adjustmentGround>;
export const adjustmentGroundLabels: Record<AdjustmentGround, string> = {
  sante: 'Santé',
  handicap_invalidite: 'Handicap ou invalidité',
  parent_isole_sans_garde: 'Parent isolé sans solution de garde',
  autre: 'Autre motif (à justifier)',
};
export const adjustmentKinds = ['reduction', 'dispense'] as const;
export const adjustmentKind = z.enum(adjustmentKinds, { message: 'Réduction ou dispense ?' });
export type AdjustmentKind = z.infer<typeof adjustmentKind>;
export const adjustmentKindLabels: Record<AdjustmentKind, string> = {
  reduction: 'Réduction des heures',
  dispense: 'Dispense d’activité',
};

/** Who recorded hours carried out. `person`: declared by the person (flagged as such). */
export const hoursSources = ['referent', 'organisation', 'person'] as const;
export const hoursSource = z.enum(hoursSources);
export type HoursSource = z.infer<typeof hoursSource>;
export const hoursSourceLabels: Record<HoursSource, string> = {
  referent: 'Saisi par le ou la référent·e',
  organisation: 'Saisi par la structure de l’action',
  person: 'Déclaré par la personne',
};

/** How the person signed. */
export const signatureModes = ['papier', 'ecran', 'lien'] as const;
export const signatureMode = z.enum(signatureModes, { message: 'Choisissez comment la personne a signé.' });
export type SignatureMode = z.infer<typeof signatureMode>;
export const signatureModeLabels: Record<SignatureMode, string> = {
  papier: 'Signé sur papier, en rendez-vous',
  ecran: 'Signé à l’écran, en rendez-vous',
  lien: 'Signé à distance, par lien et code',
};

export const signatureChannels = ['sms', 'email'] as const;
export const signatureChannel = z.enum(signatureChannels, { message: 'Par SMS ou par e-mail ?' });
export type SignatureChannel = z.infer<typeof signatureChannel>;
export const signatureChannelLabels: Record<SignatureChannel, string> = {
  sms: 'SMS',
  email: 'E-mail',
};

/** What a remote signature link page may show (each state explains what to do next). */
export const signatureLinkStates = ['valide', 'expire', 'utilise', 'remplace'] as const;
export type SignatureLinkState = (typeof signatureLinkStates)[number];

/** Rules of the weekly activity (hours per week). */
export const MAX_WEEKLY_HOURS = 60;
