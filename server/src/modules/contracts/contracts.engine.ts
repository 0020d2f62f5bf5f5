import {
  allowedContractActions,
  type ContractAction,
  type ContractActor,
  type ContractFacts,
  type ContractStatus,
  contractStatusLabels,
  contractTransitions,
  findContractTransition,
} from '@spie/contract/contracts';
import { DomainError } from '../../kernel/errors';

/**
 * The one transition engine of contracts: it reads the table of the contract
 * (contracts.workflow.ts) and nothing else. An action absent from the table for the contract's
 * state (and kind, signed or not, plan changed or not) is an `invalid_transition` listing what
 * can be done instead; an action the caller's kind of actor may not perform is `forbidden`;
 * a required field left empty is a field error.
 */

export const contractActionLabel = (action: ContractAction, from?: ContractStatus) =>
  (from && contractTransitions.find((t) => t.action === action && t.from === from)?.label) ??
  contractTransitions.find((t) => t.action === action)?.label ??
  action;

const FIELD_MESSAGES: Record<string, string> = {
  reason: 'Indiquez un motif.',
  note: 'Indiquez ce qui a été revu avec la personne.',
  endReason: 'Choisissez le motif de fin.',
  signatureMode: 'Indiquez comment la personne a signé (papier ou écran).',
  hours: 'Indiquez le nombre d’heures.',
};

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function invalidContractTransition(
  from: ContractStatus,
  facts: ContractFacts,
  actors: readonly ContractActor[],
  action?: ContractAction,
): DomainError {
  // Hide the self-transitions (edit, follow-up, hours) from the list: they are not "next steps".
  const allowed = allowedContractActions(from, facts, actors).filter(
    (a) => a !== 'editPlan' && a !== 'followUp' && a !== 'recordHours',
  );
  const labels = allowed.map((a) => contractActionLabel(a, from));
  const state = contractStatusLabels[from];
  const next =
    labels.length > 0
      ? `Actions possibles : ${labels.join(', ')}.`
      : 'Aucune action n’est possible pour vous dans cet état.';
  const message =
    action === 'editPlan' && (from === 'signe' || from === 'actif')
      ? `Ce contrat est signé : pour le modifier, ouvrez une révision (avenant), que la personne signera. ${next}`
      : action === 'editPlan' && from === 'propose'
        ? `Ce contrat est proposé à la personne : reprenez-le pour le modifier (le lien de signature envoyé ne marchera plus). ${next}`
        : `Cette action n’est pas possible pour un contrat « ${state} ». ${next}`;
  return new DomainError('invalid_transition', 'contract.invalid_transition', message, undefined, {
    status: from,
    allowed,
  });
}

/**
 * Finds the transition for `action` from the contract's state and checks who and what.
 * Pure: the caller applies the change and emits `transition.emits`.
 */
export function checkContractTransition(input: {
  from: ContractStatus;
  action: ContractAction;
  facts: ContractFacts;
  actors: readonly ContractActor[];
  fields?: Record<string, unknown>;
}) {
  const t = findContractTransition(input.from, input.action, input.facts);
  if (!t) throw invalidContractTransition(input.from, input.facts, input.actors, input.action);
  if (!t.who.some((w) => input.actors.includes(w))) {
    throw new DomainError(
      'forbidden',
      'contract.action_forbidden',
      `« ${t.label} » ne fait pas partie de vos actions sur ce contrat.`,
    );
  }
  const fields = input.fields ?? {};
  const missing = t.requires.filter((f) => isBlank(fields[f]));
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      'contract.missing_fields',
      FIELD_MESSAGES[missing[0] as string] ?? 'Certaines informations sont à compléter.',
      missing.map((f) => ({ path: f, message: FIELD_MESSAGES[f] ?? 'À compléter.' })),
    );
  }
  return t;
}
