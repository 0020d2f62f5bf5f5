import {
  type Appointment,
  type AppointmentAction,
  type AppointmentMode,
  type AppointmentStatus,
  appointmentModeLabels,
} from '@spie/contract/appointments';

/*
 * Dates of appointments are France's local time `AAAA-MM-JJTHH:MM` (`startsAtLocal`): they are
 * written in words without any time zone conversion (read as UTC, formatted as UTC).
 */

const weekdayDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortWeekdayDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const parisDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/Paris',
});

function utcDay(day: string): Date | null {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function capitalizeFirst(text: string, capitalize: boolean): string {
  return capitalize ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}

/** "2026-11-24" → "mardi 24 novembre 2026". */
export function dayInWords(day: string, capitalize = false): string {
  const date = utcDay(day);
  return date ? capitalizeFirst(weekdayDate.format(date), capitalize) : day;
}

/** "2026-11-24" → "mardi 24 novembre" (inside a week whose year is already said). */
export function shortDayInWords(day: string, capitalize = false): string {
  const date = utcDay(day);
  return date ? capitalizeFirst(shortWeekdayDate.format(date), capitalize) : day;
}

/** "10:30" → "10 h 30"; "09:00" → "9 h 00". */
export function timeInWords(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})/.exec(hhmm);
  if (!match) return hhmm;
  return `${Number(match[1])} h ${match[2]}`;
}

/** "2026-11-24T10:30" → "mardi 24 novembre 2026 à 10 h 30". */
export function localInWords(local: string, capitalize = false): string {
  const [day = '', time = ''] = local.split('T');
  if (!utcDay(day) || !/^\d{2}:\d{2}/.test(time)) return local;
  return `${dayInWords(day, capitalize)} à ${timeInWords(time)}`;
}

/** The end time of an appointment: "10:30" + 45 min → "11:15" (same day, capped at 23:59). */
export function endTime(local: string, durationMinutes: number): string {
  const time = local.split('T')[1] ?? '';
  const match = /^(\d{2}):(\d{2})/.exec(time);
  if (!match) return '';
  const total = Math.min(Number(match[1]) * 60 + Number(match[2]) + durationMinutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** "10 h 30 à 11 h 15". */
export function timeRangeInWords(local: string, durationMinutes: number): string {
  const start = local.split('T')[1] ?? '';
  return `${timeInWords(start)} à ${timeInWords(endTime(local, durationMinutes))}`;
}

/** "45 minutes", "1 heure", "1 heure 30". */
export function durationInWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} minutes`;
  const h = `${hours} ${hours > 1 ? 'heures' : 'heure'}`;
  return rest === 0 ? h : `${h} ${String(rest).padStart(2, '0')}`;
}

/** Where or how it takes place: "Sur place : 3 rue …", "Par téléphone", "En visioconférence". */
export function placeInWords(appointment: {
  mode: AppointmentMode;
  address: string | null;
  visioUrl?: string | null;
}): string {
  const label = appointmentModeLabels[appointment.mode];
  if (appointment.mode === 'sur_place' && appointment.address) return `${label} : ${appointment.address}`;
  return label;
}

export function professionalsInWords(professionals: readonly { name: string }[]): string {
  if (professionals.length === 0) return 'Aucun professionnel indiqué';
  return professionals.map((p) => p.name).join(', ');
}

/** Badge colour of a status; the status is always written too. */
export const statusSeverity: Record<AppointmentStatus, 'info' | 'success' | 'warning' | 'error' | undefined> =
  {
    prevu: 'info',
    honore: 'success',
    excuse: undefined,
    absent: 'error',
    annule: undefined,
  };

/** Splits `AAAA-MM-JJTHH:MM` for a date and a time input. */
export function splitLocal(local: string): { date: string; time: string } {
  const [date = '', time = ''] = local.split('T');
  return { date, time: time.slice(0, 5) };
}

/** Joins a date and a time input into `AAAA-MM-JJTHH:MM` (empty when one is missing). */
export function joinLocal(date: string, time: string): string {
  if (!date || !time) return '';
  return `${date}T${time.slice(0, 5)}`;
}

/** Today in France, `AAAA-MM-JJ`. */
export function parisToday(now: Date = new Date()): string {
  return parisDay.format(now);
}

/** A moment in France as `AAAA-MM-JJTHH:MM` (now by default, to compare with a local date-time). */
export function parisNowLocal(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Paris',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** An ISO instant → "mardi 24 novembre 2026 à 10 h 30" in France's time. */
export function instantInWords(iso: string, capitalize = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localInWords(parisNowLocal(date), capitalize);
}

export function addDays(day: string, days: number): string {
  const date = utcDay(day);
  if (!date) return day;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const date = utcDay(day);
  if (!date) return day;
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

export type AgendaView = 'jour' | 'semaine';

/** The days shown: one day, or Monday to Sunday. */
export function agendaRange(view: AgendaView, day: string): { from: string; to: string; days: string[] } {
  if (view === 'jour') return { from: day, to: day, days: [day] };
  const from = mondayOf(day);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return { from, to: days[6] ?? from, days };
}

/** The day to show after « Précédent » / « Suivant ». */
export function shiftAgendaDay(view: AgendaView, day: string, direction: 1 | -1): string {
  return addDays(day, direction * (view === 'jour' ? 1 : 7));
}

/** "Semaine du lundi 23 au dimanche 29 novembre 2026" / "Mardi 24 novembre 2026". */
export function agendaPeriodInWords(view: AgendaView, day: string): string {
  if (view === 'jour') return dayInWords(day, true);
  const { from, to } = agendaRange('semaine', day);
  return `Semaine du ${shortDayInWords(from)} au ${dayInWords(to)}`;
}

/** Appointments grouped by their local day, every day of the range present (possibly empty). */
export function groupByDay<T extends { startsAtLocal: string }>(
  days: readonly string[],
  items: readonly T[],
): { day: string; items: T[] }[] {
  const byDay = new Map<string, T[]>(days.map((day) => [day, []]));
  for (const item of [...items].sort((a, b) => a.startsAtLocal.localeCompare(b.startsAtLocal))) {
    byDay.get(item.startsAtLocal.slice(0, 10))?.push(item);
  }
  return days.map((day) => ({ day, items: byDay.get(day) ?? [] }));
}

/** Every action opens a small form: its submit button says what will be recorded. */
export const formSubmitLabels: Record<AppointmentAction, string> = {
  reschedule: 'Enregistrer la nouvelle date',
  markHeld: 'Confirmer : la personne est venue',
  markAbsent: 'Confirmer : la personne n’est pas venue',
  markExcused: 'Enregistrer l’excuse',
  cancel: 'Confirmer l’annulation',
  correct: 'Enregistrer la correction',
};

/** What to tell once done. */
export const actionDoneMessages: Record<AppointmentAction, string> = {
  reschedule: 'Le rendez-vous est déplacé.',
  markHeld: 'C’est noté : la personne est venue.',
  markAbsent: 'C’est noté : la personne n’est pas venue.',
  markExcused: 'C’est noté : la personne s’est excusée.',
  cancel: 'Le rendez-vous est annulé.',
  correct: 'Le résultat est corrigé.',
};

/** "Confirmation envoyée le 24 novembre 2026 à 10 h 30" lines of an appointment. */
export function sentLines(
  appointment: Pick<Appointment, 'confirmationSentAt' | 'reminderSentAt'>,
  momentInWords: (iso: string) => string,
): string[] {
  const lines: string[] = [];
  if (appointment.confirmationSentAt)
    lines.push(`Confirmation envoyée le ${momentInWords(appointment.confirmationSentAt)}`);
  if (appointment.reminderSentAt) lines.push(`Rappel envoyé le ${momentInWords(appointment.reminderSentAt)}`);
  return lines;
}

/** The server's field paths → the form's (a date and a time input make `startsAt`). */
export function appointmentFormPath(serverPath: string): string {
  if (serverPath === 'startsAt') return 'date';
  return serverPath;
}
