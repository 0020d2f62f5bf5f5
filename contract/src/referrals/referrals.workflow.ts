import { z } from 'zod';

/**
 * A referral (prescription, domain §5): a team member sends a person to a service or a session
 * of the catalogue, and the receiving organisation answers and follows it to the outcome.
 */
export const referralStatuses = [
  'envoyee',
  'en_liste_d_attente',
  'acceptee',
  'refusee',
  'expiree',
  'annulee',
  'entree',
  'en_cours',
  'terminee',
] as const;
export const referralStatus = z.enum(referralStatuses, { message: 'État de prescription inconnu.' });
export type ReferralStatus = z.infer<typeof referralStatus>;
export const referralStatusLabels: Record<ReferralStatus, string> = {
  envoyee: 'Envoyée',
  en_liste_d_attente: 'En liste d’attente',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
  expiree: 'Expirée sans réponse',
  annulee: 'Annulée',
  entree: 'Entrée',
  en_cours: 'En cours',
  terminee: 'Terminée',
};
/** Waiting for the receiving organisation's answer (reminder, expiry). */
export const awaitingAnswerStatuses: readonly ReferralStatus[] = ['envoyee'];
/** The person holds a place (occupancy): from the acceptance, a place is kept for them. */
export const occupyingStatuses: readonly ReferralStatus[] = ['acceptee', 'entree', 'en_cours'];
/** Still alive: a next step for the journey (no « rupture de parcours »). */
export const liveReferralStatuses: readonly ReferralStatus[] = [
  'envoyee',
  'en_liste_d_attente',
  'acceptee',
  'entree',
  'en_cours',
];
export const closedReferralStatuses: readonly ReferralStatus[] = [
  'refusee',
  'expiree',
  'annulee',
  'terminee',
];

export const refusalReasons = [
  'pas_de_place',
  'hors_criteres',
  'hors_zone',
  'personne_ne_souhaite_pas',
  'personne_injoignable',
  'offre_inadaptee',
  'deja_accompagnee',
  'autre',
] as const;
export const refusalReason = z.enum(refusalReasons, { message: 'Motif de refus inconnu.' });
export type RefusalReason = z.infer<typeof refusalReason>;
export const refusalReasonLabels: Record<RefusalReason, string> = {
  pas_de_place: 'Plus de place disponible',
  hors_criteres: 'La personne ne correspond pas aux critères',
  hors_zone: 'La personne habite hors de la zone',
  personne_ne_souhaite_pas: 'La personne ne souhaite pas y aller',
  personne_injoignable: 'La personne n’a pas pu être jointe',
  offre_inadaptee: 'L’offre ne répond pas au besoin',
  deja_accompagnee: 'La personne est déjà accompagnée pour ce besoin',
  autre: 'Autre motif (à préciser)',
};

export const referralOutcomes = ['reussie', 'abandon', 'exclue', 'autre'] as const;
export const referralOutcome = z.enum(referralOutcomes, {
  message: 'Issue : réussie, abandon, exclue ou autre.',
});
export type ReferralOutcome = z.infer<typeof referralOutcome>;
export const referralOutcomeLabels: Record<ReferralOutcome, string> = {
  reussie: 'Parcours réussi',
  abandon: 'Abandon',
  exclue: 'Exclusion',
  autre: 'Autre fin (à préciser)',
};

/** What the person agrees to share with the receiving organisation (besides name and reason). */
export const sharedItems = ['coordonnees', 'date_de_naissance', 'besoins', 'situation', 'documents'] as const;
export const sharedItem = z.enum(sharedItems, { message: 'Information à partager inconnue.' });
export type SharedItem = z.infer<typeof sharedItem>;
export const sharedItemLabels: Record<SharedItem, string> = {
  coordonnees: 'Téléphone et adresse électronique',
  date_de_naissance: 'Date de naissance',
  besoins: 'Besoins auxquels la prescription répond',
  situation: 'Situation (RSA, inscription à France Travail, RQTH)',
  documents: 'Documents joints',
};

/**
 * Who may trigger a transition:
 * - `sender`: the professional who referred, or the person's référent / co-référent;
 * - `receiver`: a member of the receiving organisation, or the holder of a valid referral link;
 * - `system`: the platform (expiry).
 */
export const referralActors = ['sender', 'receiver', 'system'] as const;
export type ReferralActor = (typeof referralActors)[number];

export const referralActions = [
  'accept',
  'refuse',
  'waitlist',
  'expire',
  'cancel',
  'recordEntry',
  'start',
  'finish',
] as const;
export const referralAction = z.enum(referralActions, { message: 'Action inconnue sur la prescription.' });
export type ReferralAction = (typeof referralActions)[number];

export interface ReferralTransition {
  action: ReferralAction;
  from: ReferralStatus;
  to: ReferralStatus;
  label: string;
  who: readonly ReferralActor[];
  /** Body fields that must be filled. */
  requires: readonly ('reason' | 'date' | 'outcome' | 'note')[];
  emits: readonly string[];
}

const t = (
  action: ReferralAction,
  from: ReferralStatus,
  to: ReferralStatus,
  label: string,
  who: readonly ReferralActor[],
  requires: ReferralTransition['requires'] = [],
): ReferralTransition => ({ action, from, to, label, who, requires, emits: ['ReferralStatusChanged'] });

export const referralTransitions: readonly ReferralTransition[] = [
  t('accept', 'envoyee', 'acceptee', 'Accepter', ['receiver']),
  t('refuse', 'envoyee', 'refusee', 'Refuser', ['receiver'], ['reason']),
  t('waitlist', 'envoyee', 'en_liste_d_attente', 'Mettre en liste d’attente', ['receiver']),
  t('expire', 'envoyee', 'expiree', 'Expirer sans réponse', ['system']),
  t('cancel', 'envoyee', 'annulee', 'Annuler la prescription', ['sender'], ['note']),
  t('accept', 'en_liste_d_attente', 'acceptee', 'Proposer la place (accepter)', ['receiver']),
  t('refuse', 'en_liste_d_attente', 'refusee', 'Refuser', ['receiver'], ['reason']),
  t(
    'cancel',
    'en_liste_d_attente',
    'annulee',
    'Retirer de la liste d’attente',
    ['sender', 'receiver'],
    ['note'],
  ),
  t('recordEntry', 'acceptee', 'entree', 'Noter l’entrée', ['receiver'], ['date']),
  t('refuse', 'acceptee', 'refusee', 'Revenir sur l’accord (refuser)', ['receiver'], ['reason']),
  t(
    'cancel',
    'acceptee',
    'annulee',
    'Annuler (la personne ne viendra pas)',
    ['sender', 'receiver'],
    ['note'],
  ),
  t('start', 'entree', 'en_cours', 'Noter que l’accompagnement a commencé', ['receiver']),
  t('finish', 'entree', 'terminee', 'Noter la fin', ['receiver'], ['date', 'outcome']),
  t('finish', 'en_cours', 'terminee', 'Noter la fin', ['receiver'], ['date', 'outcome']),
];

export function referralTransition(
  action: ReferralAction,
  from: ReferralStatus,
): ReferralTransition | undefined {
  return referralTransitions.find((tr) => tr.action === action && tr.from === from);
}

/** Actions a given actor may take from a status (buttons shown by the web). */
export function allowedReferralActions(
  from: ReferralStatus,
  actors: readonly ReferralActor[],
): ReferralAction[] {
  return referralTransitions
    .filter((tr) => tr.from === from && tr.who.some((w) => actors.includes(w)))
    .map((tr) => tr.action);
}
