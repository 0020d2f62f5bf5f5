import type { PersonOffers } from '@spie/contract/catalogue';
import { type ReferralStatus, referralStatuses, referralStatusLabels } from '@spie/contract/referrals';
import { isApiError } from '../../api';
import { formatDay } from '../people/peopleFormat';

type Severity = 'success' | 'error' | 'info' | 'warning' | 'new';

/** Badge colour of a referral status (the label is always written too). */
export const referralStatusSeverity: Record<ReferralStatus, Severity | undefined> = {
  envoyee: 'info',
  en_liste_d_attente: 'warning',
  acceptee: 'success',
  refusee: 'error',
  expiree: undefined,
  annulee: undefined,
  entree: 'new',
  en_cours: 'new',
  terminee: 'success',
};

/** What happens next, in plain words, seen by the sender's side (`team`) or the receiving structure. */
export function nextStepText(
  status: ReferralStatus,
  side: 'team' | 'receiver',
  organisation: string,
): string {
  const team = side === 'team';
  switch (status) {
    case 'envoyee':
      return team
        ? `La prescription est envoyée à ${organisation}. La structure doit répondre : accepter, mettre en liste d’attente ou refuser. Vous serez prévenu·e de sa réponse.`
        : 'La personne vous est adressée. Répondez : accepter, mettre en liste d’attente ou refuser.';
    case 'en_liste_d_attente':
      return team
        ? `La personne est sur la liste d’attente de ${organisation}. Vous serez prévenu·e dès qu’une place lui est proposée.`
        : 'La personne est sur votre liste d’attente. Acceptez-la dès qu’une place se libère.';
    case 'acceptee':
      return team
        ? `${organisation} a accepté la personne. La structure notera la date d’entrée quand elle commencera.`
        : 'Vous avez accepté la personne. Notez la date d’entrée quand elle commence.';
    case 'refusee':
      return team
        ? 'La structure a refusé la prescription. Vous pouvez chercher une autre offre pour la personne.'
        : 'Vous avez refusé cette prescription. Il n’y a plus rien à faire.';
    case 'expiree':
      return team
        ? 'La structure n’a pas répondu à temps : la prescription a expiré. Vous pouvez prescrire à nouveau ou chercher une autre offre.'
        : 'Cette prescription a expiré sans réponse. Il n’y a plus rien à faire.';
    case 'annulee':
      return 'La prescription est annulée. Il n’y a plus rien à faire.';
    case 'entree':
      return team
        ? `La personne est entrée chez ${organisation}. La structure notera ses heures de présence chaque semaine.`
        : 'La personne est entrée. Notez ses heures de présence chaque semaine, puis la fin.';
    case 'en_cours':
      return team
        ? `L’accompagnement est en cours chez ${organisation}. Les heures de présence comptent dans l’activité de la semaine.`
        : 'L’accompagnement est en cours. Notez les heures de présence chaque semaine, puis la fin.';
    case 'terminee':
      return 'L’accompagnement est terminé.';
  }
}

/** « 6 h », « 7,5 h » (French decimal comma). */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} h`;
}

/** « 3,2 km » or null. */
export function formatDistance(km: number | null): string | null {
  if (km === null) return null;
  return `${km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}

/** Places in words: « 3 places libres », « Complet (2 en liste d’attente) », « Places non comptées ». */
export function placesText(free: number | null, waiting: number): string {
  const queue = waiting > 0 ? ` (${waiting} en liste d’attente)` : '';
  if (free === null) return `Nombre de places non indiqué${queue}`;
  if (free === 0) return `Complet${queue}`;
  return `${free} place${free > 1 ? 's' : ''} libre${free > 1 ? 's' : ''}${queue}`;
}

/** The sentence explaining what the offers are based on. */
export function offersBasisText(basis: PersonOffers['basis'], diagnosticDate: string | null): string {
  const parts: string[] = [];
  if (basis.diagnosticVersion !== null)
    parts.push(diagnosticDate ? `le diagnostic du ${formatDay(diagnosticDate)}` : 'le dernier diagnostic');
  if (basis.commune) parts.push(`la commune de ${basis.commune.name}`);
  parts.push(`un rayon de ${basis.radiusKm} km`);
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
  return `D’après ${list}.`;
}

const DAY = 86_400_000;

/** The Monday (YYYY-MM-DD) of the week holding `iso`. */
export function mondayOf(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const shift = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - shift * DAY).toISOString().slice(0, 10);
}

/**
 * Mondays of the weeks that can receive hours, newest first: this week and the `max - 1` before,
 * none before the week of the entry (the server refuses hours before the person entered).
 */
export function attendanceWeeks(today: string, entryDate: string | null = null, max = 12): string[] {
  const last = Date.parse(`${mondayOf(today)}T00:00:00Z`);
  const first = entryDate ? mondayOf(entryDate) : '';
  return Array.from({ length: max }, (_, i) =>
    new Date(last - i * 7 * DAY).toISOString().slice(0, 10),
  ).filter((week) => week >= first);
}

/** « Semaine du 12/01/2026 au 18/01/2026 ». */
export function weekLabel(monday: string): string {
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
  return `Semaine du ${formatDay(monday)} au ${formatDay(sunday)}`;
}

/** Parses « 6 », « 7,5 » or « 7.5 » into a number; null when it is not a number. */
export function parseHours(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** « 3 envoyées, 1 acceptée… » from the counts by status; « Aucune prescription. » when empty. */
export function countsText(counts: Record<string, number>): string {
  const parts = referralStatuses
    .filter((status) => (counts[status] ?? 0) > 0)
    .map((status) => `${referralStatusLabels[status]} : ${counts[status]}`);
  return parts.length === 0 ? 'Aucune prescription.' : `Par état — ${parts.join(' ; ')}.`;
}

/** Days left to answer, in words (« 5 jours », « dernier jour »), or « — ». */
export function daysLeftText(days: number | null): string {
  if (days === null) return '—';
  if (days <= 0) return 'Dernier jour';
  return `${days} jour${days > 1 ? 's' : ''}`;
}

/** Why a referral link cannot be used, from the server's refusal. */
export function linkProblem(error: unknown): 'expired' | 'replaced' | 'unknown' | 'other' {
  if (!isApiError(error)) return 'other';
  if (error.code === 'referral_link.expired') return 'expired';
  if (error.code === 'referral_link.replaced') return 'replaced';
  if (error.code === 'referral_link.unknown' || error.status === 404 || error.status === 400)
    return 'unknown';
  return 'other';
}
