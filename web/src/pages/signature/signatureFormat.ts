import type { SignatureChannel } from '@spie/contract/contracts';

/** A phone number as a `tel:` link: digits only, French numbers in the international form. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const plus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');
  if (plus) return `tel:+${digits}`;
  if (/^0\d{9}$/.test(digits)) return `tel:+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** Hours in words for the person: 15 → "15 heures", 7.5 → "7 heures 30", 0.5 → "30 minutes", 1 → "1 heure". */
export function hoursInWords(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  const whole = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (whole === 0) return `${minutes} minutes`;
  const h = `${whole} ${whole > 1 ? 'heures' : 'heure'}`;
  return minutes === 0 ? h : `${h} ${String(minutes).padStart(2, '0')}`;
}

/** "Environ 3 heures par semaine", or null when the action has no weekly hours. */
export function hoursPerWeekLine(hours: number): string | null {
  if (hours <= 0) return null;
  return `Environ ${hoursInWords(hours)} par semaine`;
}

/** What the person does each week, in one or two short sentences. */
export function weeklyActivityWords(targetHours: number, adjustment: string | null): string[] {
  const lines =
    targetHours > 0
      ? [
          `Chaque semaine, je fais ${hoursInWords(targetHours)} d’activité : ateliers, rendez-vous, formation, stage…`,
        ]
      : ['Pour le moment, je n’ai pas d’heures d’activité à faire chaque semaine.'];
  if (adjustment) lines.push(adjustment);
  return lines;
}

const parisDate = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const parisWeekdayDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const parisTime = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Paris',
});
const calendarDate = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "14 h 05" in Paris time. */
function timeWords(date: Date): string {
  const [hour = '00', minute = '00'] = parisTime.format(date).split(':');
  return `${hour} h ${minute}`;
}

/** A calendar day "2027-03-01" → "1 mars 2027". */
export function dayInWords(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : calendarDate.format(date);
}

/** A moment → "12 mars 2027 à 14 h 05" (Paris time). */
export function momentInWords(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${parisDate.format(date)} à ${timeWords(date)}`;
}

/** An appointment → "Mardi 12 janvier 2027 à 14 h 00" (Paris time; lower case inside a sentence). */
export function appointmentInWords(iso: string, capitalize = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = parisWeekdayDate.format(date);
  const first = capitalize ? day.charAt(0).toUpperCase() : day.charAt(0);
  return `${first}${day.slice(1)} à ${timeWords(date)}`;
}

/** "par SMS au 06 •• •• •• 12" / "par e-mail à m•••@exemple.fr". */
export function channelWords(channel: SignatureChannel, masked: string): string {
  return channel === 'sms' ? `par SMS au ${masked}` : `par e-mail à ${masked}`;
}

/** Radio label of a channel: "Par SMS au 06 •• •• •• 12". */
export function channelOptionLabel(channel: SignatureChannel, masked: string): string {
  const words = channelWords(channel, masked);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
