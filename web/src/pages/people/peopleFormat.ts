import {
  rsaStateLabels,
  type StatusKind,
  statusKindLabels,
  workSituationLabels,
} from '@spie/contract/people';
import { isApiError } from '../../api';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** "2026-03-12" → "12/03/2026"; a full timestamp keeps its calendar day; otherwise the raw text. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day) return iso;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Today as AAAA-MM-JJ in the browser's time zone (for date inputs). */
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function ageLabel(age: number): string {
  return `${age} an${age > 1 ? 's' : ''}`;
}

/** The value of a status in words: RSA states and work situations have labels, others are shown as is. */
export function statusValueLabel(kind: StatusKind, value: string | null): string | null {
  if (!value) return null;
  if (kind === 'rsa') return rsaStateLabels[value as keyof typeof rsaStateLabels] ?? value;
  if (kind === 'work_situation')
    return workSituationLabels[value as keyof typeof workSituationLabels] ?? value;
  return value;
}

export function statusesText(kinds: StatusKind[]): string {
  if (kinds.length === 0) return 'Aucun statut en cours';
  return kinds.map((kind) => statusKindLabels[kind]).join(', ');
}

export const matchedOnLabels = {
  nir: 'même NIR',
  benefit_matricule: 'même matricule CAF et rôle',
  france_travail_id: 'même identifiant France Travail',
  name_birth_date: 'même nom, prénom et date de naissance',
} as const;

/** The error code of a failed request, if the server answered one. */
export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.code : undefined;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}
