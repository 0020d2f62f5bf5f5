import { type Path, pathLabels } from '@spie/contract/diagnostics';
import type { OrientationStatus } from '@spie/contract/orientations';
import { plural } from '../people/peopleFormat';

/** « En retard de 5 jours », « Dernier jour », « 3 jours restants »; null when there is no deadline. */
export function daysLeftLabel(daysLeft: number | null): { text: string; overdue: boolean } | null {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return { text: `En retard de ${plural(-daysLeft, 'jour')}`, overdue: true };
  if (daysLeft === 0) return { text: 'Dernier jour', overdue: false };
  return { text: `${plural(daysLeft, 'jour restant', 'jours restants')}`, overdue: false };
}

function dayOf(iso: string): number {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * Time between two dates in plain words: « 12 jours », « 3 mois », « 1 an et 2 mois »
 * (calendar months, so "3 mois" reads as people count).
 */
export function durationLabel(fromIso: string, toIso: string): string {
  const from = new Date(dayOf(fromIso));
  const to = new Date(dayOf(toIso));
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) return '—';
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  if (months < 1) {
    const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
    return days === 0 ? 'moins d’un jour' : plural(days, 'jour');
  }
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${months} mois`;
  return rest === 0 ? plural(years, 'an') : `${plural(years, 'an')} et ${rest} mois`;
}

export function pathLabel(path: Path | null | undefined): string {
  return path ? pathLabels[path] : '—';
}

/** Badge colours of the orientation states (DSFR system severities). */
export const statusSeverity: Record<OrientationStatus, 'info' | 'new' | 'success' | 'warning' | undefined> = {
  a_orienter: 'new',
  proposee: 'info',
  decidee: 'success',
  notifiee: 'success',
  referent_designe: 'success',
  remplacee: undefined,
  classee: undefined,
};

/** Displayed name of a professional account. */
export const personName = (p: { name: string } | null | undefined) => p?.name ?? '—';

/** Days from today (browser's calendar day) to an AAAA-MM-JJ deadline, as `daysLeftLabel` words. */
export function daysLeftFromDeadline(deadline: string | null): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const due = dayOf(deadline);
  if (Number.isNaN(due)) return null;
  return daysLeftLabel(Math.round((due - today) / 86_400_000));
}
