import { z } from 'zod';
import { uuid } from '../http';
import { isoDate } from '../people/people.schema';
import {
  appointmentAction,
  appointmentMode,
  appointmentSources,
  appointmentStatus,
  appointmentType,
} from './appointments.workflow';

const ref = z.object({ id: uuid, name: z.string() });
const accountRef = z.object({ accountId: uuid, name: z.string() });
const shortText = (label: string, max: number) =>
  z
    .string({ message: `${label} : texte attendu.` })
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`);

/** A local date-time in France, `AAAA-MM-JJTHH:MM` (what a date and a time field give). */
export const localDateTime = z
  .string({ message: 'Date et heure attendues.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Date et heure : format attendu AAAA-MM-JJTHH:MM.');
export const durationMinutes = z
  .number({ message: 'Durée : un nombre de minutes est attendu.' })
  .int('Durée : un nombre entier de minutes.')
  .min(10, 'Durée : au moins 10 minutes.')
  .max(480, 'Durée : au plus 8 heures.');

const appointmentPlace = {
  mode: appointmentMode,
  /** Required when `sur_place`. */
  address: shortText('Adresse', 300).optional(),
  /** Required when `visio`: https link. */
  visioUrl: z
    .url({ protocol: /^https$/, message: 'Lien de visioconférence : une adresse https:// est attendue.' })
    .optional(),
};

export const createAppointmentBody = z.object({
  type: appointmentType,
  /** Local time in France. Booking in the past is refused (record the outcome of a past one with a contact instead). */
  startsAt: localDateTime,
  durationMinutes: durationMinutes.default(45),
  ...appointmentPlace,
  /** Professionals who will hold it (the caller by default); all from the caller's organisation or the team. */
  professionalAccountIds: z.array(uuid).max(5, 'Au plus 5 professionnels.').optional(),
  /** Send the confirmation to the person by their preferred channel (default yes). */
  notifyPerson: z.boolean().default(true),
  note: shortText('Note', 500).optional(),
});

export const updateAppointmentBody = z.object({
  revision: z.number().int().min(1),
  startsAt: localDateTime.optional(),
  durationMinutes: durationMinutes.optional(),
  mode: appointmentMode.optional(),
  address: shortText('Adresse', 300).nullable().optional(),
  visioUrl: z
    .url({ protocol: /^https$/, message: 'Lien de visioconférence : une adresse https:// est attendue.' })
    .nullable()
    .optional(),
  professionalAccountIds: z.array(uuid).min(1).max(5).optional(),
  notifyPerson: z.boolean().default(true),
});

export const appointmentStatusBody = z.object({
  action: appointmentAction,
  revision: z.number().int().min(1),
  /** For `correct`: the corrected outcome. */
  status: appointmentStatus.optional(),
  reason: shortText('Motif', 300).optional(),
  outcomeNote: shortText('Compte rendu', 1000).optional(),
});

export const appointment = z.object({
  id: uuid,
  person: z.object({ id: uuid, displayName: z.string() }),
  organisation: ref,
  professionals: z.array(accountRef),
  type: appointmentType,
  /** ISO instant; `startsAtLocal` is the same in France's time (AAAA-MM-JJTHH:MM). */
  startsAt: z.string(),
  startsAtLocal: z.string(),
  durationMinutes: z.number().int(),
  mode: appointmentMode,
  address: z.string().nullable(),
  visioUrl: z.string().nullable(),
  status: appointmentStatus,
  statusReason: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(appointmentSources),
  campaignId: uuid.nullable(),
  confirmationSentAt: z.string().nullable(),
  reminderSentAt: z.string().nullable(),
  createdBy: accountRef.nullable(),
  createdAt: z.string(),
  revision: z.number().int(),
  allowedActions: z.array(appointmentAction),
});
export type Appointment = z.infer<typeof appointment>;

export const personAppointments = z.object({
  upcoming: z.array(appointment),
  past: z.array(appointment),
  next: appointment.nullable(),
});

export const agendaQuery = z.object({
  /** Another professional of the caller's organisation (structure managers); the caller by default. */
  accountId: uuid.optional(),
  from: isoDate,
  /** Up to 31 days. */
  to: isoDate,
});
export const agenda = z.object({
  professional: accountRef,
  from: z.string(),
  to: z.string(),
  items: z.array(appointment),
});
