import {
  type AppointmentAction,
  type AppointmentStatus,
  appointmentMode,
  appointmentTransitions,
  createAppointmentBody,
  durationMinutes,
  localDateTime,
} from '@spie/contract/appointments';
import { z } from 'zod';
import { joinLocal } from './appointmentFormat';
import type {
  AppointmentStatusBody,
  CreateAppointmentBody,
  UpdateAppointmentBody,
} from './appointments.queries';

const visioUrl = createAppointmentBody.shape.visioUrl.unwrap();
/** Cross-field checks run even when another field is wrong: every message is shown at once. */
const always = { when: () => true };

/** The date and time inputs must give a moment after `now` (France's local time, `AAAA-MM-JJTHH:MM`). */
function checkStartsAt(values: { date: string; time: string }, now: string, ctx: z.RefinementCtx): void {
  if (!values.date) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'Indiquez la date du rendez-vous.' });
    return;
  }
  if (!values.time) {
    ctx.addIssue({ code: 'custom', path: ['time'], message: 'Indiquez l’heure du rendez-vous.' });
    return;
  }
  const startsAt = joinLocal(values.date, values.time);
  if (!localDateTime.safeParse(startsAt).success) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'Date ou heure invalide.' });
  } else if (startsAt <= now) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'Le rendez-vous doit être dans le futur. Pour un échange déjà eu, notez plutôt un contact.',
    });
  }
}

/**
 * « Fixer un rendez-vous »: `createAppointmentBody` with a date and a time input instead of
 * `startsAt`, and the address or the link asked according to the mode.
 */
export function createAppointmentForm(now: () => string) {
  return createAppointmentBody
    .pick({ type: true, note: true })
    .extend({
      date: z.string(),
      time: z.string(),
      durationMinutes,
      mode: appointmentMode,
      address: z.string().trim().max(300, 'Adresse : 300 caractères au plus.'),
      visioUrl: z.string().trim(),
      notifyPerson: z.boolean(),
    })
    .superRefine((values, ctx) => {
      checkStartsAt(values, now(), ctx);
      if (values.mode === 'sur_place' && !values.address)
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'Indiquez l’adresse du rendez-vous.' });
      if (values.mode === 'visio') {
        if (!values.visioUrl)
          ctx.addIssue({
            code: 'custom',
            path: ['visioUrl'],
            message: 'Indiquez le lien de la visioconférence.',
          });
        else {
          const parsed = visioUrl.safeParse(values.visioUrl);
          if (!parsed.success)
            ctx.addIssue({
              code: 'custom',
              path: ['visioUrl'],
              message: parsed.error.issues[0]?.message ?? 'Lien invalide.',
            });
        }
      }
    }, always);
}
export type CreateAppointmentValues = z.input<ReturnType<typeof createAppointmentForm>>;

export const createAppointmentDefaults: CreateAppointmentValues = {
  type: '' as CreateAppointmentValues['type'],
  date: '',
  time: '',
  durationMinutes: 45,
  mode: 'sur_place',
  address: '',
  visioUrl: '',
  notifyPerson: true,
  note: '',
};

export const createAppointmentPaths = [
  'type',
  'date',
  'time',
  'durationMinutes',
  'mode',
  'address',
  'visioUrl',
  'notifyPerson',
  'note',
] as const;

/** The body sent: only the field of the chosen mode. */
export function toCreateBody(
  values: z.output<ReturnType<typeof createAppointmentForm>>,
): CreateAppointmentBody {
  return {
    type: values.type,
    startsAt: joinLocal(values.date, values.time),
    durationMinutes: values.durationMinutes,
    mode: values.mode,
    ...(values.mode === 'sur_place' ? { address: values.address } : {}),
    ...(values.mode === 'visio' ? { visioUrl: values.visioUrl } : {}),
    notifyPerson: values.notifyPerson,
    ...(values.note ? { note: values.note } : {}),
  };
}

/** « Déplacer le rendez-vous »: a new date and time, the duration, tell the person. */
export function rescheduleForm(now: () => string) {
  return z
    .object({
      date: z.string(),
      time: z.string(),
      durationMinutes,
      notifyPerson: z.boolean(),
    })
    .superRefine((values, ctx) => checkStartsAt(values, now(), ctx), always);
}
export type RescheduleValues = z.input<ReturnType<typeof rescheduleForm>>;

export function toRescheduleBody(
  values: z.output<ReturnType<typeof rescheduleForm>>,
  revision: number,
): UpdateAppointmentBody {
  return {
    revision,
    startsAt: joinLocal(values.date, values.time),
    durationMinutes: values.durationMinutes,
    notifyPerson: values.notifyPerson,
  };
}

/** The outcomes a correction may set. */
export const correctableStatuses: readonly AppointmentStatus[] = ['honore', 'absent', 'excuse'];

/** What an action's form asks: a reason (required or not), the corrected outcome, a report. */
export function actionFields(action: AppointmentAction): {
  reason: 'required' | 'optional' | null;
  status: boolean;
  outcomeNote: boolean;
} {
  const requires = appointmentTransitions.find((t) => t.action === action)?.requires ?? [];
  const reason = requires.includes('reason') ? 'required' : action === 'correct' ? 'optional' : null;
  return {
    reason,
    status: action === 'correct',
    outcomeNote:
      action === 'markHeld' || action === 'markAbsent' || action === 'markExcused' || action === 'correct',
  };
}

export function statusActionForm(action: AppointmentAction) {
  const fields = actionFields(action);
  return z
    .object({
      status: z.string(),
      reason: z.string().trim().max(300, 'Motif : 300 caractères au plus.'),
      outcomeNote: z.string().trim().max(1000, 'Compte rendu : 1000 caractères au plus.'),
    })
    .superRefine((values, ctx) => {
      if (fields.reason === 'required' && !values.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez un motif.' });
      if (fields.status && !correctableStatuses.includes(values.status as AppointmentStatus))
        ctx.addIssue({ code: 'custom', path: ['status'], message: 'Choisissez le bon résultat.' });
    }, always);
}
export type StatusActionValues = z.input<ReturnType<typeof statusActionForm>>;

export function toStatusBody(
  action: Exclude<AppointmentAction, 'reschedule'>,
  values: StatusActionValues,
  revision: number,
): AppointmentStatusBody {
  const fields = actionFields(action);
  const reason = values.reason.trim();
  const note = values.outcomeNote.trim();
  return {
    action,
    revision,
    ...(fields.status ? { status: values.status as AppointmentStatus } : {}),
    ...(fields.reason && reason ? { reason } : {}),
    ...(fields.outcomeNote && note ? { outcomeNote: note } : {}),
  };
}
