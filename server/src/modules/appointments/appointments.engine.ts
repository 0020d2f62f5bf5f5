import {
  type AppointmentAction,
  type AppointmentStatus,
  type AppointmentTransition,
  allowedAppointmentActions,
  appointmentStatusLabels,
  appointmentTransitions,
} from '@spie/contract/appointments';
import { DomainError } from '../../kernel/errors';

/**
 * The one transition engine of appointments: it reads the table of
 * `contract/src/appointments/appointments.workflow.ts` and nothing else. An action the table does
 * not open for the appointment's status at this moment (before or after its start) is an
 * `invalid_transition` that lists what can be done instead; a required field left empty is a
 * field error. Pure: the caller applies the change.
 */

const FIELD_MESSAGES: Record<AppointmentTransition['requires'][number], string> = {
  reason: 'Indiquez un motif.',
  startsAt: 'Indiquez la nouvelle date et la nouvelle heure.',
  outcomeNote: 'Indiquez un compte rendu.',
};

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const appointmentActionLabel = (action: AppointmentAction) =>
  appointmentTransitions.find((t) => t.action === action)?.label ?? action;

export function invalidAppointmentTransition(
  status: AppointmentStatus,
  startsAt: Date,
  now: Date,
  action: AppointmentAction,
): DomainError {
  const allowed = allowedAppointmentActions(status, startsAt, now);
  const labels = allowed.map(appointmentActionLabel);
  const past = startsAt.getTime() <= now.getTime();
  const why =
    status === 'prevu' && (action === 'markHeld' || action === 'markAbsent') && !past
      ? 'Le rendez-vous n’a pas encore eu lieu : vous pourrez noter si la personne est venue après son heure de début.'
      : status === 'prevu' && (action === 'reschedule' || action === 'cancel') && past
        ? 'L’heure de ce rendez-vous est passée : notez plutôt si la personne est venue, absente ou excusée.'
        : `Cette action n’est pas possible pour un rendez-vous « ${appointmentStatusLabels[status]} »${past ? ' déjà passé' : ' à venir'}.`;
  const next =
    labels.length > 0 ? `Actions possibles : ${labels.join(', ')}.` : 'Aucune action n’est possible.';
  return new DomainError(
    'invalid_transition',
    'appointments.invalid_transition',
    `${why} ${next}`,
    undefined,
    { status, allowed, allowedLabels: labels },
  );
}

/** The transition for `action` now, with its required fields checked; the resulting status. */
export function checkAppointmentTransition(input: {
  status: AppointmentStatus;
  startsAt: Date;
  now: Date;
  action: AppointmentAction;
  fields?: Record<string, unknown>;
  /** For `correct`: the corrected outcome. */
  correctedStatus?: AppointmentStatus | undefined;
}): { transition: AppointmentTransition; to: AppointmentStatus } {
  const { status, startsAt, now, action } = input;
  if (!allowedAppointmentActions(status, startsAt, now).includes(action)) {
    throw invalidAppointmentTransition(status, startsAt, now, action);
  }
  const transition = appointmentTransitions.find(
    (t) => t.action === action && t.from.includes(status),
  ) as AppointmentTransition;
  const fields = input.fields ?? {};
  const missing = transition.requires.filter((f) => isBlank(fields[f]));
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      'appointments.missing_fields',
      FIELD_MESSAGES[missing[0] as keyof typeof FIELD_MESSAGES],
      missing.map((f) => ({ path: f, message: FIELD_MESSAGES[f] })),
    );
  }
  if (transition.to !== 'same') return { transition, to: transition.to };
  if (action !== 'correct') return { transition, to: status };
  // A correction names the right outcome, among those the correction may reach.
  const outcomes = transition.from;
  const wanted = input.correctedStatus;
  if (!wanted || !outcomes.includes(wanted)) {
    throw new DomainError('validation', 'appointments.missing_fields', 'Choisissez le bon résultat.', [
      {
        path: 'status',
        message: `Choisissez le bon résultat : ${outcomes.map((s) => appointmentStatusLabels[s]).join(', ')}.`,
      },
    ]);
  }
  if (wanted === status) {
    throw new DomainError(
      'validation',
      'appointments.same_status',
      `Le rendez-vous est déjà noté « ${appointmentStatusLabels[status]} ».`,
      [{ path: 'status', message: 'Choisissez un autre résultat que celui déjà noté.' }],
    );
  }
  return { transition, to: wanted };
}
