import { z } from 'zod';

/**
 * The engagement contract (domain §3): one contract replacing PPAE and CER, holding the action
 * plan and the weekly activity. Older contracts (PPAE, CER, CEJ, PACEA) are recorded as history
 * and converted into an engagement contract.
 */
export const contractKinds = ['engagement', 'ppae', 'cer', 'cej', 'pacea'] as const;
export const contractKind = z.enum(contractKinds, { message: 'Type de contrat inconnu.' });
export type ContractKind = z.infer<typeof contractKind>;
export const legacyContractKinds = ['ppae', 'cer', 'cej', 'pacea'] as const;
export const legacyContractKind = z.enum(legacyContractKinds, {
  message: 'Ancien contrat : PPAE, CER, CEJ ou PACEA.',
});
export type LegacyContractKind = z.infer<typeof legacyContractKind>;
export const contractKindLabels: Record<ContractKind, string> = {
  engagement: 'Contrat d’engagement',
  ppae: 'PPAE (projet personnalisé d’accès à l’emploi)',
  cer: 'CER (contrat d’engagements réciproques)',
  cej: 'CEJ (contrat d’engagement jeune)',
  pacea: 'PACEA (parcours contractualisé d’accompagnement)',
};

export const contractStatuses = [
  'brouillon',
  'propose',
  'signe',
  'actif',
  'en_revision',
  'renouvele',
  'termine',
] as const;
export const contractStatus = z.enum(contractStatuses, { message: 'État du contrat inconnu.' });
export type ContractStatus = z.infer<typeof contractStatus>;
export const contractStatusLabels: Record<ContractStatus, string> = {
  brouillon: 'Brouillon',
  propose: 'Proposé à la personne',
  signe: 'Signé',
  actif: 'Actif',
  en_revision: 'En révision',
  renouvele: 'Renouvelé',
  termine: 'Terminé',
};
/** The contract in force or being prepared: at most one per person (unique index). */
export const openContractStatuses: readonly ContractStatus[] = [
  'brouillon',
  'propose',
  'signe',
  'actif',
  'en_revision',
];
/** Hours of activity can be recorded while the contract is signed and running. */
export const runningContractStatuses: readonly ContractStatus[] = ['signe', 'actif', 'en_revision'];

/**
 * Who may trigger a transition:
 * - `referent`: the person's référent unique or a co-référent (any organisation of the team);
 * - `person`: the person themself, through a remote signature link;
 * - `action_organisation`: a professional of the organisation running one of the plan's actions
 *   (records the hours done);
 * - `system`: the platform (activation on the start date).
 */
export const contractActors = ['referent', 'person', 'action_organisation', 'system'] as const;
export type ContractActor = (typeof contractActors)[number];

export const contractActions = [
  'editPlan',
  'propose',
  'withdraw',
  'sign',
  'activate',
  'followUp',
  'recordHours',
  'startReview',
  'closeReview',
  'renew',
  'end',
  'convert',
] as const;
export const contractAction = z.enum(contractActions, { message: 'Action inconnue sur le contrat.' });
export type ContractAction = (typeof contractActions)[number];

export interface ContractTransition {
  action: ContractAction;
  from: ContractStatus;
  to: ContractStatus;
  /** French label (buttons, error messages). */
  label: string;
  who: readonly ContractActor[];
  /** Body fields that must be filled. */
  requires: readonly string[];
  emits: readonly string[];
  /** Engagement contracts only (default) or the older kinds recorded as history. */
  kinds?: 'engagement' | 'legacy';
  /**
   * - `neverSigned` / `amendment`: the contract has no signed version yet / has one (withdrawing a
   *   proposal goes back to the draft or to the revision);
   * - `planUnchanged`: the plan was not changed since the last signature (a review closes without
   *   an amendment only then).
   */
  when?: 'neverSigned' | 'amendment' | 'planUnchanged';
}

const endFrom: readonly ContractStatus[] = ['brouillon', 'propose', 'signe', 'actif', 'en_revision'];

export const contractTransitions: readonly ContractTransition[] = [
  {
    action: 'editPlan',
    from: 'brouillon',
    to: 'brouillon',
    label: 'Modifier le contrat',
    who: ['referent'],
    requires: [],
    emits: [],
  },
  {
    action: 'editPlan',
    from: 'en_revision',
    to: 'en_revision',
    label: 'Modifier le contrat (avenant)',
    who: ['referent'],
    requires: [],
    emits: [],
  },
  {
    action: 'propose',
    from: 'brouillon',
    to: 'propose',
    label: 'Proposer le contrat à la personne',
    who: ['referent'],
    requires: [],
    emits: ['ContractProposed'],
  },
  {
    action: 'propose',
    from: 'en_revision',
    to: 'propose',
    label: 'Proposer l’avenant à la personne',
    who: ['referent'],
    requires: [],
    emits: ['ContractProposed'],
  },
  {
    action: 'withdraw',
    from: 'propose',
    to: 'brouillon',
    label: 'Reprendre le contrat pour le modifier',
    who: ['referent'],
    requires: [],
    emits: ['ContractWithdrawn'],
    when: 'neverSigned',
  },
  {
    action: 'withdraw',
    from: 'propose',
    to: 'en_revision',
    label: 'Reprendre l’avenant pour le modifier',
    who: ['referent'],
    requires: [],
    emits: ['ContractWithdrawn'],
    when: 'amendment',
  },
  {
    action: 'sign',
    from: 'propose',
    to: 'signe',
    label: 'Enregistrer la signature',
    who: ['referent', 'person'],
    requires: ['signatureMode'],
    emits: ['ContractSigned'],
  },
  {
    action: 'activate',
    from: 'signe',
    to: 'actif',
    label: 'Démarrer le contrat',
    who: ['system'],
    requires: [],
    emits: ['ContractActivated'],
  },
  ...(['signe', 'actif', 'en_revision'] as const).map(
    (from): ContractTransition => ({
      action: 'followUp',
      from,
      to: from,
      label: 'Mettre à jour l’avancement',
      who: ['referent'],
      requires: [],
      emits: [],
    }),
  ),
  ...(['signe', 'actif', 'en_revision'] as const).map(
    (from): ContractTransition => ({
      action: 'recordHours',
      from,
      to: from,
      label: 'Saisir des heures réalisées',
      who: ['referent', 'action_organisation'],
      requires: ['hours'],
      emits: ['WeeklyHoursRecorded'],
    }),
  ),
  {
    action: 'startReview',
    from: 'actif',
    to: 'en_revision',
    label: 'Ouvrir une révision (avenant)',
    who: ['referent'],
    requires: ['reason'],
    emits: ['ContractReviewStarted'],
  },
  {
    action: 'closeReview',
    from: 'en_revision',
    to: 'actif',
    label: 'Terminer la révision sans changement',
    who: ['referent'],
    requires: ['note'],
    emits: ['ContractReviewed'],
    when: 'planUnchanged',
  },
  {
    action: 'renew',
    from: 'en_revision',
    to: 'renouvele',
    label: 'Renouveler le contrat',
    who: ['referent'],
    requires: ['reason'],
    emits: ['ContractRenewed'],
  },
  ...endFrom.map(
    (from): ContractTransition => ({
      action: 'end',
      from,
      to: 'termine',
      label: 'Terminer le contrat',
      who: ['referent', 'system'],
      requires: ['endReason'],
      emits: ['ContractEnded'],
    }),
  ),
  {
    action: 'convert',
    from: 'actif',
    to: 'termine',
    label: 'Convertir en contrat d’engagement',
    who: ['referent'],
    requires: [],
    emits: ['ContractConverted'],
    kinds: 'legacy',
  },
  {
    action: 'end',
    from: 'actif',
    to: 'termine',
    label: 'Noter la fin de l’ancien contrat',
    who: ['referent'],
    requires: ['endReason'],
    emits: ['ContractEnded'],
    kinds: 'legacy',
  },
];

/** What the transition rules depend on, besides the state. */
export interface ContractFacts {
  kind: ContractKind;
  /** At least one version was signed. */
  signed: boolean;
  /** The plan changed since the last signed version. */
  planChanged: boolean;
}

function applies(t: ContractTransition, f: ContractFacts): boolean {
  const kindOk = (t.kinds ?? 'engagement') === (f.kind === 'engagement' ? 'engagement' : 'legacy');
  if (!kindOk) return false;
  switch (t.when) {
    case 'neverSigned':
      return !f.signed;
    case 'amendment':
      return f.signed;
    case 'planUnchanged':
      return !f.planChanged;
    default:
      return true;
  }
}

/** The transition for `action` from `from`, if the table allows it for this contract. */
export function findContractTransition(
  from: ContractStatus,
  action: ContractAction,
  facts: ContractFacts,
): ContractTransition | null {
  return contractTransitions.find((t) => t.from === from && t.action === action && applies(t, facts)) ?? null;
}

/** Actions allowed from a state for this kind of actor (screens show only these). */
export function allowedContractActions(
  from: ContractStatus,
  facts: ContractFacts,
  actors?: readonly ContractActor[],
): ContractAction[] {
  const all = contractTransitions
    .filter((t) => t.from === from && applies(t, facts) && (!actors || t.who.some((w) => actors.includes(w))))
    .map((t) => t.action);
  return [...new Set(all)];
}

/** Why a contract ends. */
export const contractEndReasons = [
  'emploi_durable',
  'formation_qualifiante',
  'creation_entreprise',
  'fin_droits',
  'reorientation',
  'demenagement',
  'abandon',
  'conversion',
  'autre',
] as const;
export const contractEndReason = z.enum(contractEndReasons, { message: 'Choisissez le motif de fin.' });
export type ContractEndReason = z.infer<typeof contractEndReason>;
export const contractEndReasonLabels: Record<ContractEndReason, string> = {
  emploi_durable: 'Accès à un emploi durable',
  formation_qualifiante: 'Entrée en formation qualifiante',
  creation_entreprise: 'Création d’entreprise',
  fin_droits: 'Fin des droits (RSA clos)',
  reorientation: 'Réorientation vers un autre organisme',
  demenagement: 'Déménagement hors du territoire',
  abandon: 'Abandon de l’accompagnement par la personne',
  conversion: 'Converti en contrat d’engagement',
  autre: 'Autre motif',
};
