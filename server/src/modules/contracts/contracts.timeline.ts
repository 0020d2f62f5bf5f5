import {
  type AdjustmentGround,
  type AdjustmentKind,
  adjustmentGroundLabels,
  adjustmentKindLabels,
  type ContractEndReason,
  type ContractKind,
  contractEndReasonLabels,
  contractKindLabels,
  type SignatureMode,
  signatureModeLabels,
} from '@spie/contract/contracts';
import type { Section } from '@spie/contract/people';
import type { UseCaseContext } from '../../kernel/useCase';
import { frenchDate, personEvent } from '../people';

/**
 * What the timeline entries of contracts may say (journey section: the team and the structure
 * managers of the following organisations). Short, plain French; never the free texts of the
 * plan beyond a label (health and justice details live in sensitive notes).
 */
export interface ContractTimelineFacts {
  kind?: ContractKind;
  version?: number;
  label?: string | null;
  status?: string | null;
  reason?: string | null;
  endReason?: ContractEndReason | null;
  mode?: SignatureMode;
  adjustmentKind?: AdjustmentKind;
  ground?: AdjustmentGround;
  endOn?: string | null;
  startOn?: string | null;
}

const short = (text: string | null | undefined, max = 100) =>
  !text ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text;
const contractName = (f: ContractTimelineFacts) =>
  f.kind && f.kind !== 'engagement' ? contractKindLabels[f.kind] : 'Contrat d’engagement';

const SUMMARIES: Record<string, (f: ContractTimelineFacts) => string> = {
  ContractCreated: (f) =>
    `Contrat d’engagement commencé (brouillon${f.startOn ? `, du ${frenchDate(f.startOn)}` : ''}${f.endOn ? ` au ${frenchDate(f.endOn)}` : ''})`,
  ContractLegacyRecorded: (f) =>
    `Ancien contrat enregistré : ${contractName(f)}${f.startOn ? ` depuis le ${frenchDate(f.startOn)}` : ''}`,
  ContractUpdated: () => 'Contrat d’engagement modifié (dates, heures ou engagements de la structure)',
  ContractProposed: (f) =>
    (f.version ?? 0) > 0 ? 'Avenant proposé à la personne' : 'Contrat d’engagement proposé à la personne',
  ContractWithdrawn: () => 'Contrat repris pour être modifié (le lien de signature envoyé ne marche plus)',
  ContractSigned: (f) =>
    `${(f.version ?? 1) > 1 ? `Avenant n° ${(f.version ?? 2) - 1} signé` : 'Contrat d’engagement signé'}${f.mode ? ` (${signatureModeLabels[f.mode].toLocaleLowerCase('fr-FR')})` : ''}`,
  ContractActivated: () => 'Contrat d’engagement en cours',
  ContractReviewStarted: (f) => `Révision du contrat ouverte${f.reason ? ` : ${short(f.reason)}` : ''}`,
  ContractReviewed: () => 'Révision du contrat terminée sans changement',
  ContractRenewed: () => 'Contrat renouvelé : un nouveau contrat est en préparation',
  ContractEnded: (f) =>
    `${contractName(f)} terminé${f.endReason ? ` : ${contractEndReasonLabels[f.endReason].toLocaleLowerCase('fr-FR')}` : ''}`,
  ContractConverted: (f) => `${contractName(f)} converti en contrat d’engagement (brouillon)`,
  ContractObjectiveAdded: (f) => `Objectif ajouté au plan : ${short(f.label)}`,
  ContractObjectiveUpdated: (f) => `Objectif « ${short(f.label)} » : ${f.status ?? ''}`,
  ContractObjectiveRemoved: (f) => `Objectif retiré du plan : ${short(f.label)}`,
  ContractActionAdded: (f) => `Action ajoutée au plan : ${short(f.label)}`,
  ContractActionUpdated: (f) =>
    f.status ? `Action « ${short(f.label)} » : ${f.status}` : `Action modifiée : ${short(f.label)}`,
  ContractActionRemoved: (f) => `Action retirée du plan : ${short(f.label)}`,
  ContractAdjustmentAdded: (f) =>
    `${f.adjustmentKind ? adjustmentKindLabels[f.adjustmentKind] : 'Aménagement'} de l’activité hebdomadaire (${f.ground ? adjustmentGroundLabels[f.ground].toLocaleLowerCase('fr-FR') : ''}) jusqu’au ${f.endOn ? frenchDate(f.endOn) : ''}`,
  ContractAdjustmentRemoved: (f) =>
    `${f.adjustmentKind ? adjustmentKindLabels[f.adjustmentKind] : 'Aménagement'} de l’activité hebdomadaire retirée`,
};

export function contractTimeline(
  type: string,
  facts: ContractTimelineFacts,
): { section: Section; summary: string } {
  const summary = SUMMARIES[type]?.(facts) ?? type;
  return { section: 'journey', summary: summary.trim() };
}

/** Emits one contract event with its timeline entry (the people module records it). */
export function emitContractEvent(
  ctx: UseCaseContext,
  type: string,
  personId: string,
  contractId: string,
  facts: ContractTimelineFacts = {},
  payload: Record<string, unknown> = {},
): void {
  const t = contractTimeline(type, facts);
  ctx.emit(
    personEvent(
      ctx,
      type,
      personId,
      { ...t, link: `/personnes/${personId}/contrat` },
      { contractId, ...payload },
    ),
  );
}
