import { z } from 'zod';

/** Appointment types (issue 6). */
export const appointmentTypes = [
  'orientation',
  'diagnostic',
  'accompagnement',
  'signature',
  'suivi',
  'point_de_situation',
] as const;
export const appointmentType = z.enum(appointmentTypes, { message: 'Choisissez le type de rendez-vous.' });
export type AppointmentType = z.infer<typeof appointmentType>;
export const appointmentTypeLabels: Record<AppointmentType, string> = {
  orientation: 'Rendez-vous d’orientation',
  diagnostic: 'Diagnostic',
  accompagnement: 'Accompagnement',
  signature: 'Signature du contrat',
  suivi: 'Suivi',
  point_de_situation: 'Point de situation',
};

export const appointmentModes = ['sur_place', 'telephone', 'visio'] as const;
export const appointmentMode = z.enum(appointmentModes, {
  message: 'Choisissez comment se passe le rendez-vous.',
});
export type AppointmentMode = z.infer<typeof appointmentMode>;
export const appointmentModeLabels: Record<AppointmentMode, string> = {
  sur_place: 'Sur place',
  telephone: 'Par téléphone',
  visio: 'En visioconférence',
};

export const appointmentStatuses = ['prevu', 'honore', 'excuse', 'absent', 'annule'] as const;
export const appointmentStatus = z.enum(appointmentStatuses, { message: 'État du rendez-vous inconnu.' });
export type AppointmentStatus = z.infer<typeof appointmentStatus>;
export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  prevu: 'Prévu',
  honore: 'Honoré',
  excuse: 'Excusé',
  absent: 'Absent·e',
  annule: 'Annulé',
};

/** How the appointment came to be. */
export const appointmentSources = ['manuel', 'campagne', 'convocation'] as const;
export type AppointmentSource = (typeof appointmentSources)[number];

export const appointmentActions = [
  'reschedule',
  'markHeld',
  'markAbsent',
  'markExcused',
  'cancel',
  'correct',
] as const;
export const appointmentAction = z.enum(appointmentActions, {
  message: 'Action inconnue sur le rendez-vous.',
});
export type AppointmentAction = (typeof appointmentActions)[number];

/**
 * Allowed changes, depending on whether the appointment's start time has passed (`past`) or
 * not (`future`). `correct` fixes a mistaken outcome afterwards (honoré ↔ absent ↔ excusé).
 */
export interface AppointmentTransition {
  action: AppointmentAction;
  from: readonly AppointmentStatus[];
  to: AppointmentStatus | 'same';
  when: 'past' | 'future' | 'any';
  label: string;
  /** Body fields that must be filled. */
  requires: readonly ('reason' | 'startsAt' | 'outcomeNote')[];
}

export const appointmentTransitions: readonly AppointmentTransition[] = [
  {
    action: 'reschedule',
    from: ['prevu'],
    to: 'same',
    when: 'future',
    label: 'Déplacer le rendez-vous',
    requires: ['startsAt'],
  },
  {
    action: 'markHeld',
    from: ['prevu'],
    to: 'honore',
    when: 'past',
    label: 'La personne est venue',
    requires: [],
  },
  {
    action: 'markAbsent',
    from: ['prevu'],
    to: 'absent',
    when: 'past',
    label: 'La personne n’est pas venue',
    requires: [],
  },
  {
    action: 'markExcused',
    from: ['prevu'],
    to: 'excuse',
    when: 'any',
    label: 'La personne s’est excusée',
    requires: ['reason'],
  },
  {
    action: 'cancel',
    from: ['prevu'],
    to: 'annule',
    when: 'future',
    label: 'Annuler le rendez-vous',
    requires: ['reason'],
  },
  {
    action: 'correct',
    from: ['honore', 'absent', 'excuse'],
    to: 'same',
    when: 'past',
    label: 'Corriger le résultat',
    requires: [],
  },
];

/** The transitions open for an appointment now. */
export function allowedAppointmentActions(
  status: AppointmentStatus,
  startsAt: Date,
  now: Date,
): AppointmentAction[] {
  const past = startsAt.getTime() <= now.getTime();
  return appointmentTransitions
    .filter((t) => t.from.includes(status) && (t.when === 'any' || (t.when === 'past') === past))
    .map((t) => t.action);
}
