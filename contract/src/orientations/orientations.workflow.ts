import { z } from 'zod';

/** States of one orientation (domain §3): a new orientation never erases the previous one. */
export const orientationStatuses = [
  'a_orienter',
  'proposee',
  'decidee',
  'notifiee',
  'referent_designe',
  'remplacee',
  'classee',
] as const;
export const orientationStatus = z.enum(orientationStatuses, { message: 'État d’orientation inconnu.' });
export type OrientationStatus = z.infer<typeof orientationStatus>;
export const orientationStatusLabels: Record<OrientationStatus, string> = {
  a_orienter: 'À orienter',
  proposee: 'Orientation proposée',
  decidee: 'Orientation décidée',
  notifiee: 'Notifiée à la personne',
  referent_designe: 'Référent·e désigné·e',
  remplacee: 'Remplacée par une réorientation',
  classee: 'Classée sans suite',
};
/** An orientation is "current" (the person has one) once decided and until replaced. */
export const currentOrientationStatuses: readonly OrientationStatus[] = [
  'decidee',
  'notifiee',
  'referent_designe',
];
/** Waiting for a decision: what the "À orienter" queue lists. */
export const pendingOrientationStatuses: readonly OrientationStatus[] = ['a_orienter', 'proposee'];

/**
 * Who may trigger a transition:
 * - `orientation_manager`: a member with that role in the territory;
 * - `receiving_structure_manager`: the structure manager of the organisation the person is oriented to;
 * - `referent`: the person's référent unique (or co-référent);
 * - `system`: the platform itself (letter produced, reorientation accepted).
 */
export const orientationActors = [
  'orientation_manager',
  'receiving_structure_manager',
  'referent',
  'system',
] as const;
export type OrientationActor = (typeof orientationActors)[number];

export const orientationActions = [
  'propose',
  'rejectProposal',
  'decide',
  'notify',
  'assign',
  'close',
  'replace',
] as const;
export type OrientationAction = (typeof orientationActions)[number];

export interface Transition<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
  /** French label of the action (buttons, error messages). */
  label: string;
  who: readonly OrientationActor[];
  /** Body fields that must be filled for this transition. */
  requires: readonly string[];
  /** Domain events emitted (timeline, notifications, later alerts). */
  emits: readonly string[];
  /** Only when the territory's setting asks for it (e.g. the validation step). */
  when?: 'validationStep' | 'noValidationStep';
}

export const orientationTransitions: readonly Transition<OrientationStatus, OrientationAction>[] = [
  {
    action: 'propose',
    from: 'a_orienter',
    to: 'proposee',
    label: 'Proposer une orientation',
    who: ['orientation_manager'],
    requires: ['path', 'leadKind', 'organisationId', 'reason'],
    emits: ['OrientationProposed'],
    when: 'validationStep',
  },
  {
    action: 'rejectProposal',
    from: 'proposee',
    to: 'a_orienter',
    label: 'Refuser la proposition',
    who: ['orientation_manager'],
    requires: ['reason'],
    emits: ['OrientationProposalRejected'],
  },
  {
    action: 'decide',
    from: 'a_orienter',
    to: 'decidee',
    label: 'Décider l’orientation',
    who: ['orientation_manager'],
    requires: ['path', 'leadKind', 'organisationId', 'reason'],
    emits: ['OrientationDecided'],
    when: 'noValidationStep',
  },
  {
    action: 'decide',
    from: 'proposee',
    to: 'decidee',
    label: 'Valider et décider l’orientation',
    who: ['orientation_manager'],
    requires: ['path', 'leadKind', 'organisationId', 'reason'],
    emits: ['OrientationDecided'],
  },
  {
    action: 'notify',
    from: 'decidee',
    to: 'notifiee',
    label: 'Notifier la décision à la personne',
    who: ['system'],
    requires: [],
    emits: ['OrientationNotified'],
  },
  {
    action: 'assign',
    from: 'notifiee',
    to: 'referent_designe',
    label: 'Désigner le ou la référent·e unique',
    who: ['receiving_structure_manager', 'system'],
    requires: ['referentAccountId'],
    emits: ['OrientationReferentAssigned'],
  },
  {
    action: 'close',
    from: 'a_orienter',
    to: 'classee',
    label: 'Classer sans suite',
    // The system too: when the RSA right closes while the person still waits (« Droit RSA clos »).
    who: ['orientation_manager', 'system'],
    requires: ['reason'],
    emits: ['OrientationClosed'],
  },
  {
    action: 'close',
    from: 'proposee',
    to: 'classee',
    label: 'Classer sans suite',
    // The system too: when the RSA right closes while the person still waits (« Droit RSA clos »).
    who: ['orientation_manager', 'system'],
    requires: ['reason'],
    emits: ['OrientationClosed'],
  },
  {
    action: 'replace',
    from: 'notifiee',
    to: 'remplacee',
    label: 'Remplacer par une réorientation',
    who: ['system'],
    requires: [],
    emits: ['OrientationReplaced'],
  },
  {
    action: 'replace',
    from: 'referent_designe',
    to: 'remplacee',
    label: 'Remplacer par une réorientation',
    who: ['system'],
    requires: [],
    emits: ['OrientationReplaced'],
  },
];

/** Reorientation requests: asked by the référent, answered by an orientation manager. */
export const reorientationStatuses = ['demandee', 'acceptee', 'refusee'] as const;
export const reorientationStatus = z.enum(reorientationStatuses);
export type ReorientationStatus = z.infer<typeof reorientationStatus>;
export const reorientationStatusLabels: Record<ReorientationStatus, string> = {
  demandee: 'Réorientation demandée',
  acceptee: 'Réorientation acceptée',
  refusee: 'Réorientation refusée',
};
export const reorientationActions = ['request', 'accept', 'refuse'] as const;
export type ReorientationAction = (typeof reorientationActions)[number];

export const reorientationTransitions: readonly (Omit<
  Transition<ReorientationStatus | 'none', ReorientationAction>,
  'when'
> & { orientationFrom?: readonly OrientationStatus[] })[] = [
  {
    action: 'request',
    from: 'none',
    to: 'demandee',
    label: 'Demander une réorientation',
    who: ['referent'],
    requires: ['reason', 'proposedPath'],
    emits: ['ReorientationRequested'],
    orientationFrom: ['notifiee', 'referent_designe'],
  },
  {
    action: 'accept',
    from: 'demandee',
    to: 'acceptee',
    label: 'Accepter la réorientation',
    who: ['orientation_manager'],
    requires: ['path', 'leadKind', 'organisationId', 'reason'],
    emits: ['ReorientationAccepted', 'OrientationReplaced', 'OrientationDecided'],
  },
  {
    action: 'refuse',
    from: 'demandee',
    to: 'refusee',
    label: 'Refuser la réorientation',
    who: ['orientation_manager'],
    requires: ['reason'],
    emits: ['ReorientationRefused'],
  },
];

export interface TransitionSettings {
  orientationValidationStep: boolean;
}

const applies = (t: { when?: string }, s: TransitionSettings) =>
  t.when === undefined || (t.when === 'validationStep') === s.orientationValidationStep;

/** The transition for `action` from `from`, if the table allows it under these settings. */
export function findOrientationTransition(
  from: OrientationStatus,
  action: OrientationAction,
  s: TransitionSettings,
) {
  return orientationTransitions.find((t) => t.from === from && t.action === action && applies(t, s)) ?? null;
}

/** Actions allowed from a state for this actor (listed in `invalid_transition` errors and on screens). */
export function allowedOrientationActions(
  from: OrientationStatus,
  s: TransitionSettings,
  actor?: OrientationActor,
): OrientationAction[] {
  return orientationTransitions
    .filter((t) => t.from === from && applies(t, s) && (actor === undefined || t.who.includes(actor)))
    .map((t) => t.action);
}
