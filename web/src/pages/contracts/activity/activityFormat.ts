import {
  type Adjustment,
  type AdjustmentGround,
  adjustmentGroundLabels,
  type WeekActivity,
} from '@spie/contract/contracts';

const DAY_MS = 86_400_000;

/** Today's calendar day in Paris (AAAA-MM-JJ): weeks and "future" are judged on the platform's day. */
export function parisDay(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday (ISO week start) of a calendar day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The `count` last weeks, the current one first (Monday dates). */
export function recentWeeks(currentMonday: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(currentMonday, -7 * index));
}

/** Range of the long view: the last two years (104 weeks before the current one, inclusive). */
export function twoYearRange(currentMonday: string): { from: string; to: string } {
  return { from: addDays(currentMonday, -7 * 103), to: currentMonday };
}

const shortDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const asDate = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

/** "2026-10-12" → "12/10/2026". */
export function shortDay(day: string): string {
  return shortDate.format(asDate(day));
}

/** "2026-10-12" → "12/10" (axis labels of the chart). */
export function axisLabel(day: string): string {
  return dayMonth.format(asDate(day));
}

/** "2026-10-12" → "lundi 12 octobre 2026". */
export function longDay(day: string): string {
  return longDate.format(asDate(day));
}

/** Option of the week selector: "Semaine du 12/10/2026 (semaine en cours)". */
export function weekOptionLabel(weekStart: string, currentMonday: string): string {
  const base = `Semaine du ${shortDay(weekStart)}`;
  if (weekStart === currentMonday) return `${base} (semaine en cours)`;
  if (weekStart === addDays(currentMonday, -7)) return `${base} (semaine dernière)`;
  return base;
}

/** 15 → "15 h", 7.5 → "7,5 h", 0.25 → "0,25 h". */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} h`;
}

/** "7,5" or "7.5" typed by a professional → 7.5; empty or not a number → null. */
export function parseHours(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function groundText(ground: AdjustmentGround, justification: string | null): string {
  if (ground === 'autre') return justification ? `autre motif : ${justification}` : 'autre motif';
  const label = adjustmentGroundLabels[ground];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * The reduction or waiver that applies on a day: among those covering it, the latest-starting one
 * (the server's rule for the weekly target).
 */
export function adjustmentOn(adjustments: readonly Adjustment[], day: string): Adjustment | null {
  let found: Adjustment | null = null;
  for (const adjustment of adjustments) {
    if (adjustment.startOn > day || adjustment.endOn < day) continue;
    if (!found || adjustment.startOn > found.startOn) found = adjustment;
  }
  return found;
}

/** The next reduction or waiver starting after the day, if any. */
function nextAdjustment(adjustments: readonly Adjustment[], day: string): Adjustment | null {
  let found: Adjustment | null = null;
  for (const adjustment of adjustments) {
    if (adjustment.startOn <= day) continue;
    if (!found || adjustment.startOn < found.startOn) found = adjustment;
  }
  return found;
}

function adjustmentSentence(adjustment: Adjustment): string {
  const ground = groundText(adjustment.ground, adjustment.justification);
  return adjustment.kind === 'dispense'
    ? `Dispense jusqu’au ${shortDay(adjustment.endOn)} (${ground}).`
    : `Réduit à ${formatHours(adjustment.hours)} par semaine jusqu’au ${shortDay(adjustment.endOn)} (${ground}).`;
}

/**
 * The weekly activity in words: "Objectif : 15 h par semaine. Dispense jusqu’au 31/12/2026 (parent
 * isolé sans solution de garde)." An adjustment starting later is announced with its start date.
 */
export function activitySentence(
  weeklyTargetHours: number,
  adjustments: readonly Adjustment[],
  today: string,
): string {
  const parts = [`Objectif : ${formatHours(weeklyTargetHours)} par semaine.`];
  const current = adjustmentOn(adjustments, today);
  if (current) parts.push(adjustmentSentence(current));
  const next = nextAdjustment(adjustments, today);
  if (next) {
    const sentence = adjustmentSentence(next);
    parts.push(
      `À partir du ${shortDay(next.startOn)} : ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`,
    );
  }
  return parts.join(' ');
}

/** What the "Attendu" cell says: "15 h", "0 h (dispense)", "7 h (réduction)". */
export function expectedLabel(week: Pick<WeekActivity, 'targetHours' | 'adjustment'>): string {
  const hours = formatHours(week.targetHours);
  if (!week.adjustment) return hours;
  return `${hours} (${week.adjustment.kind === 'dispense' ? 'dispense' : 'réduction'})`;
}

/** A round top for the chart's scale: the largest value rounded up to 5 h (at least 5 h). */
export function chartMax(
  weeks: readonly Pick<WeekActivity, 'targetHours' | 'plannedHours' | 'doneHours'>[],
): number {
  let max = 0;
  for (const week of weeks) max = Math.max(max, week.targetHours, week.plannedHours, week.doneHours);
  return Math.max(5, Math.ceil(max / 5) * 5);
}

/** Graduations of the scale: every 5 h up to 20 h, every 10 h up to 40 h, else every 20 h. */
export function chartTicks(max: number): number[] {
  const step = max <= 20 ? 5 : max <= 40 ? 10 : 20;
  const ticks: number[] = [];
  for (let value = 0; value <= max; value += step) ticks.push(value);
  return ticks;
}

/** Height in pixels of a value on a scale of `max` drawn over `height` pixels. */
export function scaleY(value: number, max: number, height: number): number {
  if (max <= 0) return 0;
  return Math.round((Math.min(Math.max(value, 0), max) / max) * height * 10) / 10;
}

/** The chart's text equivalent: totals and how many weeks reached the expected hours. */
export function activitySummary(weeks: readonly WeekActivity[]): string {
  if (weeks.length === 0) return 'Aucune semaine à afficher.';
  let done = 0;
  let expected = 0;
  let planned = 0;
  let reached = 0;
  for (const week of weeks) {
    done += week.doneHours;
    expected += week.targetHours;
    planned += week.plannedHours;
    if (week.doneHours >= week.targetHours) reached += 1;
  }
  const count = weeks.length;
  const weeksWord = count > 1 ? 'semaines' : 'semaine';
  return (
    `Sur ${count} ${weeksWord} : ${formatHours(done)} réalisées, ${formatHours(planned)} prévues, ` +
    `${formatHours(expected)} attendues. Heures attendues atteintes ${reached} ${reached > 1 ? 'semaines' : 'semaine'} sur ${count}.`
  );
}
