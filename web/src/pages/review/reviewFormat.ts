import { buildPath, type FieldError } from '@spie/contract';
import {
  type AlertRuleId,
  type AlertSeverity,
  alertSeverityLabels,
  reviewRoutes,
  severityRank,
} from '@spie/contract/review';
import { formatDay, plural } from '../people/peopleFormat';

/** « Ma file active » filters (the query without the cursor and the page size). */
export interface CaseloadFilters {
  show: 'alertes' | 'tous' | 'reportees';
  ruleId?: AlertRuleId | undefined;
  severity?: AlertSeverity | undefined;
  communeCode?: string | undefined;
  q?: string | undefined;
}

const parisDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (AAAA-MM-JJ) of a date or a timestamp, in France; null if it is not a date. */
export function parisDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : parisDayFormat.format(date);
}

/** Whole calendar days from `from` to `to` (both AAAA-MM-JJ or timestamps); negative if `to` is before. */
export function daysBetween(from: string, to: string): number {
  const a = parisDay(from);
  const b = parisDay(to);
  if (!a || !b) return Number.NaN;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** « aujourd’hui », « hier », « il y a 112 jours » (a date in the future is given as a date). */
export function agoLabel(iso: string, today: string): string {
  const days = daysBetween(iso, today);
  if (Number.isNaN(days)) return iso;
  if (days < 0) return `le ${formatDay(parisDay(iso))}`;
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${days} jours`;
}

/** « il y a 112 jours (03/08/2026) », or that no contact was ever recorded. */
export function lastContactLabel(iso: string | null, today: string): string {
  if (!iso) return 'Aucun contact enregistré';
  const days = daysBetween(iso, today);
  if (Number.isNaN(days)) return iso;
  const ago = agoLabel(iso, today);
  return days < 0 ? ago : `${ago} (${formatDay(parisDay(iso))})`;
}

/** The next « point de situation »: its date, and whether it is late. */
export function reviewDueLabel(dueOn: string | null, today: string): { text: string; late: boolean } {
  if (!dueOn) return { text: 'Pas de date prévue', late: false };
  const days = daysBetween(today, dueOn);
  if (days < 0) return { text: `En retard depuis le ${formatDay(dueOn)}`, late: true };
  if (days === 0) return { text: 'Aujourd’hui', late: false };
  return { text: `Avant le ${formatDay(dueOn)}`, late: false };
}

/** DSFR badge colour of a severity; the badge text always says the severity in words too. */
export const severityBadge: Record<AlertSeverity, 'error' | 'warning' | 'info'> = {
  haute: 'error',
  moyenne: 'warning',
  basse: 'info',
};

/** « Urgent : Perdu·e de vue » (never the colour alone). */
export function alertBadgeText(alert: { severity: AlertSeverity; label: string }): string {
  return `${alertSeverityLabels[alert.severity]} : ${alert.label}`;
}

interface SortableAlert {
  severity: AlertSeverity;
  label: string;
  status?: string;
  snoozedUntil?: string | null;
}

/**
 * Most urgent first: severity, then open before acknowledged, then not snoozed before snoozed,
 * then by label — a stable order whatever the server sends.
 */
export function sortAlerts<T extends SortableAlert>(alerts: readonly T[]): T[] {
  const stateRank = (alert: T) => (alert.status === 'ouverte' ? 0 : 1) + (alert.snoozedUntil ? 2 : 0);
  return [...alerts].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      stateRank(a) - stateRank(b) ||
      a.label.localeCompare(b.label, 'fr'),
  );
}

/** Short state of an alert next to its badge: « prise en compte », « reportée jusqu’au 12/12/2026 ». */
export function alertStateText(
  alert: { status: string; snoozedUntil: string | null; nextStepOn: string | null },
  today: string,
): string | null {
  if (alert.snoozedUntil && alert.snoozedUntil > today)
    return `reportée jusqu’au ${formatDay(alert.snoozedUntil)}`;
  if (alert.status === 'prise_en_compte')
    return alert.nextStepOn
      ? `prise en compte, prochaine étape le ${formatDay(alert.nextStepOn)}`
      : 'prise en compte';
  return null;
}

/**
 * « 23 personnes sur 280 ont une alerte. » (+ the snoozed ones). `people` is the size of the whole
 * caseload (unknown while it loads); `withAlerts` and `snoozed` count the whole caseload too.
 */
export function caseloadSummary(counts: {
  people: number | undefined;
  withAlerts: number;
  snoozed: number;
}): string {
  const { people, withAlerts, snoozed } = counts;
  if (people === 0) return 'Vous n’accompagnez encore personne.';
  const some = (n: number) => `${n} ${n > 1 ? 'personnes' : 'personne'}`;
  const base =
    withAlerts === 0
      ? people === undefined
        ? 'Aucune personne de votre file active n’a d’alerte en ce moment.'
        : `Aucune des ${plural(people, 'personne')} que vous accompagnez n’a d’alerte en ce moment.`
      : `${some(withAlerts)}${people === undefined ? '' : ` sur ${people}`} ${withAlerts > 1 ? 'ont' : 'a'} une alerte.`;
  if (snoozed === 0) return base;
  return `${base} ${some(snoozed)} ${snoozed > 1 ? 'ont' : 'a'} une alerte reportée.`;
}

/** True when a filter narrows the list (alert type, urgency, commune or name). */
export function isNarrowed(filters: CaseloadFilters): boolean {
  return Boolean(filters.ruleId || filters.severity || filters.communeCode || filters.q);
}

/** « 4 personnes correspondent à ces critères. » once a filter narrows the list; else nothing. */
export function matchingText(filters: CaseloadFilters, matching: number): string | null {
  if (!isNarrowed(filters) || matching === 0) return null;
  return `${matching} ${matching > 1 ? 'personnes correspondent' : 'personne correspond'} à ces critères.`;
}

/** What the empty list says, in plain words, depending on the filters. */
export function caseloadEmptyText(filters: CaseloadFilters, people: number | undefined): string {
  if (isNarrowed(filters))
    return 'Aucune personne ne correspond à ces critères. Changez ou retirez un filtre.';
  if (filters.show === 'reportees') return 'Aucune alerte n’est reportée.';
  if (filters.show === 'alertes' && people !== 0)
    return 'Aucune personne de votre file active n’a d’alerte en ce moment. Choisissez « Toutes » pour voir toutes les personnes.';
  return 'Vous n’accompagnez encore personne. Recherchez une personne ou créez son dossier.';
}

/** Query of the caseload and of its CSV: only the filters that are set, in a stable order. */
export function caseloadQueryOf(filters: CaseloadFilters): Record<string, string> {
  const query: Record<string, string> = { show: filters.show };
  if (filters.ruleId) query.ruleId = filters.ruleId;
  if (filters.severity) query.severity = filters.severity;
  if (filters.communeCode) query.communeCode = filters.communeCode;
  const q = filters.q?.trim();
  if (q) query.q = q;
  return query;
}

/** « Télécharger la liste (CSV) »: the same filters as the page. */
export function caseloadCsvHref(filters: CaseloadFilters): string {
  const search = new URLSearchParams(caseloadQueryOf(filters)).toString();
  return `${buildPath(reviewRoutes.caseloadCsv.path)}?${search}`;
}

const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 78 % », « 78,5 % »; « — » when nobody is followed. */
export function rateLabel(rate: number | null): string {
  return rate === null ? '—' : `${percentFormat.format(rate)}\u00a0%`;
}

/** « 78 % des personnes vues dans les 90 jours (218 sur 280). » */
export function coverageSentence(
  total: { people: number; reviewedOnTime: number; rate: number | null },
  periodDays: number,
): string {
  if (total.people === 0 || total.rate === null) return 'Aucune personne suivie pour le moment.';
  return `${rateLabel(total.rate)} des personnes vues dans les ${periodDays} jours (point de situation fait pour ${total.reviewedOnTime} sur ${total.people}).`;
}

/** « 280 personnes suivies, dont 57 avec au moins une alerte (73 alertes ouvertes). » */
export function overviewSummary(total: { people: number; withAlerts: number; alerts: number }): string {
  if (total.people === 0) return 'Aucune personne suivie.';
  const people = `${total.people} ${total.people > 1 ? 'personnes suivies' : 'personne suivie'}`;
  if (total.alerts === 0) return `${people}, aucune alerte ouverte.`;
  return `${people}, dont ${total.withAlerts} avec au moins une alerte (${plural(total.alerts, 'alerte ouverte', 'alertes ouvertes')}).`;
}

/** « 8,2 secondes », « moins d’une seconde ». */
export function durationLabel(ms: number): string {
  if (ms < 1000) return 'moins d’une seconde';
  const seconds = ms / 1000;
  if (seconds < 60) return `${percentFormat.format(Math.round(seconds * 10) / 10)} secondes`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0
    ? plural(minutes, 'minute')
    : `${plural(minutes, 'minute')} et ${plural(rest, 'seconde')}`;
}

/** The recompute's result in one sentence. */
export function recomputeSentence(result: {
  people: number;
  opened: number;
  resolved: number;
  durationMs: number;
}): string {
  const n = new Intl.NumberFormat('fr-FR');
  return `${n.format(result.people)} ${result.people > 1 ? 'personnes examinées' : 'personne examinée'}, ${n.format(result.opened)} ${result.opened > 1 ? 'alertes ouvertes' : 'alerte ouverte'}, ${n.format(result.resolved)} ${result.resolved > 1 ? 'alertes résolues' : 'alerte résolue'}, en ${durationLabel(result.durationMs)}.`;
}

/** AAAA-MM-JJ plus some days (for the default dates of the forms). */
export function addDaysIso(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** « Entre 14 et 730 jours. Valeur nationale : 90 jours. » (+ the general setting it shares). */
export function paramBoundsHint(
  param: { min: number; max: number; default: number; unit: string },
  sharedSettingLabel?: string,
): string {
  const base = `Entre ${param.min} et ${param.max} ${param.unit}. Valeur nationale : ${param.default} ${param.unit}.`;
  return sharedSettingLabel
    ? `${base} Ce délai est aussi celui des paramètres du territoire (${sharedSettingLabel}).`
    : base;
}

/**
 * Server field errors of a rule's settings that name a parameter without the `params.` prefix
 * (`days`) go under that input; the others are listed under the form's alert.
 */
export function splitRuleFieldErrors(
  fields: readonly FieldError[],
  keys: readonly string[],
): { matched: [string, string][]; others: FieldError[] } {
  const matched: [string, string][] = [];
  const others: FieldError[] = [];
  for (const field of fields) {
    if (keys.includes(field.path)) matched.push([field.path, field.message]);
    else others.push(field);
  }
  return { matched, others };
}
