import {
  allowedOrientationActions,
  findOrientationTransition,
  type OrientationAction,
  type OrientationActor,
  type OrientationStatus,
  orientationStatusLabels,
  orientationTransitions,
  type ReorientationAction,
  type ReorientationStatus,
  reorientationStatusLabels,
  reorientationTransitions,
  type TransitionSettings,
} from '@spie/contract/orientations';
import type { Actor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';

/**
 * The one transition engine of orientations: it reads the table of the contract
 * (orientations.workflow.ts) and nothing else. A transition absent from the table for the current
 * state (under the territory's settings) is an `invalid_transition`; a transition the caller's
 * kind of actor may not perform is `forbidden`; a required field left empty is a field error.
 */

export const actionLabel = (action: OrientationAction, from?: OrientationStatus) =>
  (from && orientationTransitions.find((t) => t.action === action && t.from === from)?.label) ??
  orientationTransitions.find((t) => t.action === action)?.label ??
  action;

/** Actions allowed from `from` for any of these kinds of actor (deduplicated, table order). */
export function allowedFor(
  from: OrientationStatus,
  settings: TransitionSettings,
  actors: readonly OrientationActor[],
): OrientationAction[] {
  const all = actors.flatMap((a) => allowedOrientationActions(from, settings, a));
  return [...new Set(all)];
}

export function invalidTransition(
  from: OrientationStatus,
  settings: TransitionSettings,
  actors: readonly OrientationActor[],
  extra: { message?: string; details?: Record<string, unknown> } = {},
): DomainError {
  const allowed = allowedFor(from, settings, actors);
  const labels = allowed.map((a) => actionLabel(a, from));
  const state = orientationStatusLabels[from];
  const next =
    labels.length > 0
      ? `Actions possibles : ${labels.join(', ')}.`
      : 'Aucune action n’est possible pour vous dans cet état.';
  return new DomainError(
    'invalid_transition',
    'orientation.invalid_transition',
    extra.message ?? `Cette action n’est pas possible pour une orientation « ${state} ». ${next}`,
    undefined,
    { status: from, allowed, ...extra.details },
  );
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const FIELD_MESSAGES: Record<string, string> = {
  path: 'Choisissez un parcours.',
  leadKind: 'Choisissez l’organisme référent.',
  organisationId: 'Choisissez la structure.',
  reason: 'Indiquez un motif.',
  referentAccountId: 'Choisissez le ou la référent·e.',
  proposedPath: 'Choisissez le parcours proposé.',
};

/**
 * Finds the transition for `action` from the orientation's state and checks who and what.
 * Pure: the caller applies the change and emits `transition.emits`.
 */
export function checkTransition(input: {
  from: OrientationStatus;
  action: OrientationAction;
  actors: readonly OrientationActor[];
  settings: TransitionSettings;
  fields: Record<string, unknown>;
}) {
  const t = findOrientationTransition(input.from, input.action, input.settings);
  if (!t) throw invalidTransition(input.from, input.settings, input.actors);
  if (!t.who.some((w) => input.actors.includes(w))) {
    throw new DomainError(
      'forbidden',
      'orientation.action_forbidden',
      `« ${t.label} » ne fait pas partie de vos actions sur cette orientation.`,
    );
  }
  const missing = t.requires.filter((f) => isBlank(input.fields[f]));
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      'orientation.missing_fields',
      FIELD_MESSAGES[missing[0] as string] ?? 'Certaines informations sont à compléter.',
      missing.map((f) => ({ path: f, message: FIELD_MESSAGES[f] ?? 'À compléter.' })),
    );
  }
  return t;
}

/**
 * Which kinds of actor of the table the caller is for one orientation: an orientation manager
 * of the territory, the structure manager of the organisation it names, the person's référent
 * or co-référent, or the platform itself.
 */
export function actorKindsOf(
  actor: Actor,
  orientation: { organisation_id: string | null },
  teamRole: string | null = null,
): OrientationActor[] {
  if (actor.kind === 'system') return ['system'];
  if (actor.kind !== 'member') return [];
  const kinds: OrientationActor[] = [];
  if (actor.role === 'orientation_manager') kinds.push('orientation_manager');
  if (
    actor.role === 'structure_manager' &&
    orientation.organisation_id !== null &&
    actor.organisationId === orientation.organisation_id
  )
    kinds.push('receiving_structure_manager');
  if (teamRole === 'referent' || teamRole === 'co_referent') kinds.push('referent');
  return kinds;
}

/** The same checks over the reorientation table (request, accept, refuse). */
export function checkReorientationTransition(input: {
  from: ReorientationStatus | 'none';
  action: ReorientationAction;
  actors: readonly OrientationActor[];
  fields: Record<string, unknown>;
  orientationStatus?: OrientationStatus;
}) {
  const t = reorientationTransitions.find((x) => x.from === input.from && x.action === input.action);
  const fromOrientation = t?.orientationFrom;
  if (
    !t ||
    (fromOrientation && input.orientationStatus && !fromOrientation.includes(input.orientationStatus))
  ) {
    const state =
      input.from === 'none'
        ? input.orientationStatus
          ? `« ${orientationStatusLabels[input.orientationStatus]} »`
          : ''
        : `« ${reorientationStatusLabels[input.from]} »`;
    throw new DomainError(
      'invalid_transition',
      'orientation.invalid_transition',
      `« ${t?.label ?? input.action} » n’est pas possible dans l’état ${state}.${
        fromOrientation
          ? ` Possible seulement pour une orientation ${fromOrientation.map((s) => `« ${orientationStatusLabels[s]} »`).join(' ou ')}.`
          : ''
      }`,
      undefined,
      {
        status: input.from,
        allowed: reorientationTransitions
          .filter((x) => x.from === input.from && x.who.some((w) => input.actors.includes(w)))
          .map((x) => x.action),
      },
    );
  }
  if (!t.who.some((w) => input.actors.includes(w))) {
    throw new DomainError(
      'forbidden',
      'orientation.action_forbidden',
      `« ${t.label} » ne fait pas partie de vos actions sur cette orientation.`,
    );
  }
  const missing = t.requires.filter((f) => isBlank(input.fields[f]));
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      'orientation.missing_fields',
      FIELD_MESSAGES[missing[0] as string] ?? 'Certaines informations sont à compléter.',
      missing.map((f) => ({ path: f, message: FIELD_MESSAGES[f] ?? 'À compléter.' })),
    );
  }
  return t;
}
