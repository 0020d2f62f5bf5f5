import { type Path, pathLabels } from '@spie/contract/diagnostics';
import { type OrientationSource, orientationSourceLabels } from '@spie/contract/orientations';
import type { Section } from '@spie/contract/people';
import { frenchDate } from '../people';

/** What the timeline entries of orientations may say (section situation: orientation managers and the team). */
export interface TimelineFacts {
  path?: Path | null;
  organisationName?: string | null;
  /** A sensitive receiving organisation (addiction care…) moves the entry to the sensitive section. */
  organisationSensitive?: boolean;
  reason?: string | null;
  source?: OrientationSource;
  deadline?: string | null;
  channelLabel?: string;
  referentName?: string | null;
  proposedPath?: Path | null;
}

const short = (text: string | null | undefined, max = 120) =>
  !text ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text;
const pathPart = (p: Path | null | undefined) =>
  p ? `parcours ${pathLabels[p].toLocaleLowerCase('fr-FR')}` : '';

const SUMMARIES: Record<string, (f: TimelineFacts) => string> = {
  OrientationStarted: (f) =>
    `À orienter (${f.source ? orientationSourceLabels[f.source] : 'saisie'}${f.deadline ? `, échéance le ${frenchDate(f.deadline)}` : ''})${f.reason ? ` : ${short(f.reason)}` : ''}`,
  OrientationProposed: (f) => `Orientation proposée : ${pathPart(f.path)}, ${f.organisationName ?? ''}`,
  OrientationProposalRejected: (f) => `Proposition d’orientation refusée : ${short(f.reason)}`,
  OrientationDecided: (f) => `Orientation décidée : ${pathPart(f.path)}, ${f.organisationName ?? ''}`,
  OrientationNotified: (f) => `Décision d’orientation notifiée (${f.channelLabel ?? 'courrier'})`,
  OrientationReferentAssigned: (f) => `Référent·e unique désigné·e : ${f.referentName ?? ''}`,
  OrientationClosed: (f) => `Orientation classée sans suite : ${short(f.reason)}`,
  OrientationReplaced: () => 'Orientation remplacée par une réorientation',
  ReorientationRequested: (f) => `Réorientation demandée vers le ${pathPart(f.proposedPath)}`,
  ReorientationAccepted: (f) => `Réorientation acceptée : ${pathPart(f.path)}, ${f.organisationName ?? ''}`,
  ReorientationRefused: (f) => `Réorientation refusée : ${short(f.reason)}`,
};

export function orientationTimeline(
  type: string,
  facts: TimelineFacts,
): { section: Section; summary: string } {
  const summary = SUMMARIES[type]?.(facts) ?? type;
  return { section: facts.organisationSensitive ? 'sensitive' : 'situation', summary: summary.trim() };
}
