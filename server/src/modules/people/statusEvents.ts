import type { FieldError } from '@spie/contract';
import {
  rsaStateLabels,
  rsaStates,
  type StatusEntry,
  type StatusKind,
  siaeTypes,
  statusKindLabels,
  workSituationLabels,
  workSituations,
} from '@spie/contract/people';
import type { DomainEvent } from '../../kernel/outbox';
import type { UseCaseContext } from '../../kernel/useCase';
import { personEvent } from './people.timeline';
import { frenchDate } from './person.queries';

/** Short labels for timeline summaries (never the details: they may be personal). */
const SHORT_LABELS: Partial<Record<StatusKind, string>> = {
  ass: 'ASS',
  aah: 'AAH',
  are: 'ARE',
  rqth: 'RQTH',
  cej: 'CEJ',
  siae_contract: 'contrat SIAE',
  plie: 'PLIE',
  pass_iae: 'PASS IAE',
  france_travail_registration: 'inscription à France Travail',
  prime_activite: 'prime d’activité',
  work_situation: 'situation professionnelle',
};
const kindLabel = (kind: StatusKind) => SHORT_LABELS[kind] ?? statusKindLabels[kind];

/**
 * RQTH and AAH are health-related: their summaries say a status changed, never which, so a
 * timeline reader without the sensitive section learns nothing about health.
 */
const HEALTH_RELATED: ReadonlySet<StatusKind> = new Set(['rqth', 'aah']);

function valueLabel(kind: StatusKind, value: string | null): string | null {
  if (value === null) return null;
  if (kind === 'rsa')
    return rsaStateLabels[value as keyof typeof rsaStateLabels]?.toLocaleLowerCase('fr-FR') ?? null;
  if (kind === 'work_situation')
    return workSituationLabels[value as keyof typeof workSituationLabels]?.toLocaleLowerCase('fr-FR') ?? null;
  if (kind === 'siae_contract') return value.toUpperCase();
  return null;
}

export function statusSummary(verb: 'ajouté' | 'terminé', s: Pick<StatusEntry, 'kind' | 'value'>): string {
  if (HEALTH_RELATED.has(s.kind)) return `Statut ${verb} : reconnaissance administrative`;
  const label = kindLabel(s.kind);
  const value = verb === 'ajouté' ? valueLabel(s.kind, s.value) : null;
  const title = label.charAt(0).toLocaleUpperCase('fr-FR') + label.slice(1);
  return `Statut ${verb} : ${title}${value ? ` — ${value}` : ''}`;
}

const isRealDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** Kind-specific rules the generic body cannot say (RSA state, SIAE contract, work situation). */
export function checkStatus(s: {
  kind: StatusKind;
  value: string | null;
  details: Record<string, unknown>;
  startDate: string;
  endDate: string | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (s.endDate && s.endDate < s.startDate)
    problems.push({ path: 'endDate', message: 'La date de fin doit suivre la date de début.' });
  if (s.kind === 'rsa') {
    if (!s.value || !(rsaStates as readonly string[]).includes(s.value))
      problems.push({ path: 'value', message: 'État du droit RSA : un code de 0 à 6 (ETATDOSRSA).' });
    const sdd = s.details.soumisDroitsEtDevoirs;
    if (sdd !== undefined && typeof sdd !== 'boolean')
      problems.push({
        path: 'details.soumisDroitsEtDevoirs',
        message: 'Soumis aux droits et devoirs : oui ou non.',
      });
  }
  if (s.kind === 'siae_contract') {
    const type = s.details.siaeType ?? s.value;
    if (typeof type !== 'string' || !(siaeTypes as readonly string[]).includes(type))
      problems.push({ path: 'details.siaeType', message: 'Type de SIAE : ACI, AI, EI, ETTI ou EITI.' });
    const end = s.details.endDate;
    if (end !== undefined && end !== null && (typeof end !== 'string' || !isRealDate(end)))
      problems.push({ path: 'details.endDate', message: 'Fin de contrat : format attendu AAAA-MM-JJ.' });
    if (typeof end === 'string' && end < s.startDate)
      problems.push({ path: 'details.endDate', message: 'La fin du contrat doit suivre son début.' });
    const employer = s.details.employer;
    if (employer !== undefined && employer !== null && typeof employer !== 'string')
      problems.push({ path: 'details.employer', message: 'Employeur : un nom.' });
  }
  if (s.kind === 'work_situation' && (!s.value || !(workSituations as readonly string[]).includes(s.value)))
    problems.push({ path: 'value', message: 'Situation professionnelle inconnue.' });
  return problems;
}

/** When a SIAE contract ends: its own end date, or the planned end in its details. */
export function siaeContractEnd(s: Pick<StatusEntry, 'endDate' | 'details'>): string | null {
  const planned = s.details.endDate;
  return s.endDate ?? (typeof planned === 'string' ? planned : null);
}

/**
 * Events a new status produces: always PersonStatusAdded, plus the specific ones later
 * capabilities react to (RSA opened/suspended/closed, SIAE contract started).
 */
export function statusAddedEvents(ctx: UseCaseContext, personId: string, s: StatusEntry): DomainEvent[] {
  const payload = { statusId: s.id, kind: s.kind, value: s.value, source: s.source, startDate: s.startDate };
  const summary = statusSummary('ajouté', s);
  const events = [
    personEvent(ctx, 'PersonStatusAdded', personId, { section: 'situation', summary }, payload),
  ];
  const specific = (type: string, text: string) =>
    events.push(personEvent(ctx, type, personId, { section: 'situation', summary: text }, payload));
  if (s.kind === 'rsa') {
    if (s.value === '2') specific('RsaOpened', 'Droit RSA ouvert');
    if (s.value === '3' || s.value === '4') specific('RsaSuspended', 'Droit RSA suspendu');
    if (s.value === '5' || s.value === '6') specific('RsaClosed', 'Droit RSA clos');
  }
  if (s.kind === 'siae_contract') {
    const end = siaeContractEnd(s);
    specific(
      'SiaeContractStarted',
      `Contrat en structure d’insertion commencé le ${frenchDate(s.startDate)}${end ? ` (fin prévue le ${frenchDate(end)})` : ''}`,
    );
  }
  return events;
}

export function statusEndedEvents(ctx: UseCaseContext, personId: string, s: StatusEntry): DomainEvent[] {
  return [
    personEvent(
      ctx,
      'PersonStatusEnded',
      personId,
      { section: 'situation', summary: statusSummary('terminé', s) },
      { statusId: s.id, kind: s.kind, endDate: s.endDate },
    ),
  ];
}
