import { fromParisLocal, toParisLocal } from '../appointments';
import { addDays } from '../people';

/** The instant a Paris day starts (00:00 local time). */
export function parisDayStart(day: string): Date {
  return fromParisLocal(`${day}T00:00`) as Date;
}

/** Monday = 1 … Sunday = 7, of a `YYYY-MM-DD` day. */
const isoWeekday = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

const nextWeekday = (day: string) => {
  let next = addDays(day, 1);
  while (isoWeekday(next) > 5) next = addDays(next, 1);
  return next;
};

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const DAY_STARTS_AT = '09:00';

/**
 * Start times of `count` convocations, one every `intervalMinutes` from `firstLocal` (a local
 * time in France); a start later than `dayEndsAt` moves to the next weekday at 09:00, and so does
 * a first start on a Saturday or a Sunday.
 */
export function convocationTimes(
  firstLocal: string,
  count: number,
  intervalMinutes: number,
  dayEndsAt: string,
): string[] {
  let day = firstLocal.slice(0, 10);
  let minutes = toMinutes(firstLocal.slice(11, 16));
  const dayStart = toMinutes(DAY_STARTS_AT);
  // A day ending before 09:00 would never hold one: it holds at least the 09:00 one.
  const end = Math.max(toMinutes(dayEndsAt), dayStart);
  if (isoWeekday(day) > 5) {
    day = nextWeekday(day);
    minutes = dayStart;
  }
  const times: string[] = [];
  while (times.length < count) {
    if (minutes > end) {
      day = nextWeekday(day);
      minutes = dayStart;
    }
    times.push(`${day}T${hhmm(minutes)}`);
    minutes += intervalMinutes;
  }
  return times;
}

export { fromParisLocal, toParisLocal };
