import {
  allowedReferralActions,
  type ReferralAction,
  type ReferralActor,
  type ReferralStatus,
  type ReferralTransition,
  referralStatusLabels,
  referralTransition,
  referralTransitions,
} from '@spie/contract/referrals';
import { DomainError } from '../../kernel/errors';

/**
 * The one transition engine of referrals: it reads the table of the contract
 * (referrals.workflow.ts) and nothing else. An action absent from the table for the referral's
 * state, or one the caller's kind of actor may not take, is an `invalid_transition` listing the
 * caller's possible actions; a required field left empty is a field error.
 */
const labelOf = (action: ReferralAction, from: ReferralStatus) =>
  referralTransition(action, from)?.label ??
  referralTransitions.find((t) => t.action === action)?.label ??
  action;

const FIELD_MESSAGES: Record<ReferralTransition['requires'][number], string> = {
  reason: 'Choisissez le motif du refus.',
  note: 'Précisez en quelques mots.',
  date: 'Indiquez la date.',
  outcome: 'Choisissez comment l’accompagnement s’est terminé.',
};

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function invalidReferralTransition(
  from: ReferralStatus,
  actors: readonly ReferralActor[],
  action: ReferralAction,
): DomainError {
  const allowed = allowedReferralActions(from, actors).filter((a) => a !== 'expire');
  const labels = allowed.map((a) => labelOf(a, from));
  const next =
    labels.length > 0
      ? `Actions possibles : ${labels.join(', ')}.`
      : 'Aucune action n’est possible pour vous dans cet état.';
  return new DomainError(
    'invalid_transition',
    'referral.invalid_transition',
    `« ${labelOf(action, from)} » n’est pas possible pour une prescription « ${referralStatusLabels[from]} ». ${next}`,
    undefined,
    { status: from, allowed },
  );
}

/** Finds the transition and checks who and what; pure (the caller applies it). */
export function checkReferralTransition(input: {
  from: ReferralStatus;
  action: ReferralAction;
  actors: readonly ReferralActor[];
  fields: Record<string, unknown>;
}): ReferralTransition {
  const t = referralTransition(input.action, input.from);
  if (!t) throw invalidReferralTransition(input.from, input.actors, input.action);
  if (!t.who.some((w) => input.actors.includes(w)))
    throw invalidReferralTransition(input.from, input.actors, input.action);
  const required = new Set<string>(t.requires);
  // « Autre motif » has to be spelled out.
  if (input.action === 'refuse' && input.fields.reason === 'autre') required.add('note');
  if (input.action === 'finish' && input.fields.outcome === 'autre') required.add('note');
  const missing = [...required].filter((f) => isBlank(input.fields[f]));
  if (missing.length > 0) {
    const msg = (f: string) => FIELD_MESSAGES[f as keyof typeof FIELD_MESSAGES] ?? 'À compléter.';
    throw new DomainError(
      'validation',
      'referral.missing_fields',
      msg(missing[0] as string),
      missing.map((f) => ({ path: f, message: msg(f) })),
    );
  }
  return t;
}
