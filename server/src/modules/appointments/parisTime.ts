/**
 * Appointment times are typed as local times in France (Europe/Paris) and stored as instants.
 * Paris is UTC+1 in winter and UTC+2 in summer: a local time maps to the one instant among
 * `local − 1 h` and `local − 2 h` that reads back as that local time. On the night clocks go
 * forward (last Sunday of March, 02:00 → 03:00) a time in the gap matches neither: it does not
 * exist. On the night they go back (last Sunday of October) 02:00–02:59 happens twice: the
 * first one (summer time) is taken.
 */

const PARIS = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `AAAA-MM-JJTHH:MM`: the instant read on a clock in France. */
export function toParisLocal(instant: Date): string {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(instant)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a local time in France, or null when there is no such time (an impossible date
 * like 31 April, or the hour skipped when clocks go forward).
 */
export function fromParisLocal(local: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (toParisLocal(candidate) === local) return candidate;
  }
  return null;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** « mardi 24 novembre 2026 » (« dimanche 1er novembre 2026 »), in France's time. */
export function frenchDayWords(instant: Date): string {
  const p: Record<string, string> = {};
  for (const part of dayFormat.formatToParts(instant)) p[part.type] = part.value;
  const day = p.day === '1' ? '1er' : p.day;
  return `${p.weekday} ${day} ${p.month} ${p.year}`;
}

/** « 10 h 30 », « 9 h » in France's time. */
export function frenchTimeWords(instant: Date): string {
  const [h, m] = toParisLocal(instant).slice(11).split(':').map(Number) as [number, number];
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** « mardi 24 novembre 2026 à 10 h 30 »: what the person reads in a message or a letter. */
export function frenchDateTimeWords(instant: Date): string {
  return `${frenchDayWords(instant)} à ${frenchTimeWords(instant)}`;
}
