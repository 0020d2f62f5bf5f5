import {
  type ActionPlanContent,
  type ActionStatus,
  type Contract,
  type ContractAction,
  type ContractStatus,
  findContractTransition,
  type Objective,
  type PlanTheme,
  planThemeLabels,
  stoppedActionStatuses,
} from '@spie/contract/contracts';

/** Shown next to every free text of the plan (domain §8: no health or justice details here). */
export const freeTextHint =
  'Texte court. N’écrivez pas ici d’informations de santé ou de justice : utilisez « Informations sensibles ».';

/** Badge colours of the contract states (the state is always written, never only a colour). */
export const contractStatusSeverity: Record<
  ContractStatus,
  'info' | 'new' | 'success' | 'warning' | undefined
> = {
  brouillon: 'new',
  propose: 'info',
  signe: 'success',
  actif: 'success',
  en_revision: 'warning',
  renouvele: undefined,
  termine: undefined,
};

/** « Pas encore signé », « Version 1 », « Version 2 — avenant ». */
export function versionLabel(version: number): string {
  if (version <= 0) return 'Pas encore signé';
  return version === 1 ? 'Version 1' : `Version ${version} — avenant`;
}

/** AAAA-MM-JJ plus some months; the day is kept, or the month's last day when it does not exist. */
export function addMonthsIso(iso: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const year = Number(match[1]);
  const month = Number(match[2]) - 1 + months;
  const day = Number(match[3]);
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Actions shown inline (plan edits, follow-up, hours) or done by the platform: no button for them. */
const inlineActions: readonly ContractAction[] = ['editPlan', 'followUp', 'recordHours', 'activate'];

export interface TransitionButton {
  action: ContractAction;
  label: string;
  /** What the small form asks before sending (null: the button sends at once). */
  fields: 'reason' | 'note' | 'endReason' | 'signature' | null;
}

export function transitionFieldsOf(action: ContractAction): TransitionButton['fields'] {
  switch (action) {
    case 'sign':
      return 'signature';
    case 'startReview':
    case 'renew':
      return 'reason';
    case 'closeReview':
      return 'note';
    case 'end':
      return 'endReason';
    default:
      return null;
  }
}

/** The next steps the server allows, with the French labels of the transition table. */
export function transitionButtons(
  contract: Pick<Contract, 'status' | 'kind' | 'version' | 'planChanged' | 'allowedActions'>,
): TransitionButton[] {
  const facts = { kind: contract.kind, signed: contract.version > 0, planChanged: contract.planChanged };
  return contract.allowedActions
    .filter((action) => !inlineActions.includes(action))
    .map((action) => {
      const transition = findContractTransition(contract.status, action, facts);
      return transition ? { action, label: transition.label, fields: transitionFieldsOf(action) } : null;
    })
    .filter((button): button is TransitionButton => button !== null);
}

/** The plan may be changed (draft or revision): add, remove, change planned fields. */
export const planEditable = (contract: Pick<Contract, 'allowedActions'>) =>
  contract.allowedActions.includes('editPlan');

/** States of objectives and actions may be changed (follow-up, or plan edit in a draft). */
export const followUpAllowed = (contract: Pick<Contract, 'allowedActions'>) =>
  contract.allowedActions.includes('followUp') || contract.allowedActions.includes('editPlan');

const needLevelWords: Record<string, string> = {
  fort: 'impact fort',
  moyen: 'impact moyen',
  besoin: 'besoin repéré',
};

/** « Répond au besoin : Logement — impact fort (diagnostic v2) ». */
export function needLabel(need: Objective['need']): string | null {
  if (!need) return null;
  const level = needLevelWords[need.level] ?? need.level;
  return `Répond au besoin : ${planThemeLabels[need.theme]} — ${level} (diagnostic v${need.diagnosticVersion})`;
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'fr');

/** Actions of the territory list for a theme (retired ones are no longer offered), by label. */
export function actionsForTheme(list: ActionPlanContent | null, theme: PlanTheme) {
  return (list?.actions ?? []).filter((a) => !a.retired && a.themes.includes(theme)).sort(byLabel);
}

/** Objectives of the territory list for a theme, by label. */
export function objectivesForTheme(list: ActionPlanContent | null, theme: PlanTheme) {
  return (list?.objectives ?? []).filter((o) => !o.retired && o.theme === theme).sort(byLabel);
}

/** « 15 h », « 7,5 h ». */
export function formatHours(hours: number): string {
  return `${String(Math.round(hours * 100) / 100).replace('.', ',')} h`;
}

/** Weekly hours of the actions still planned or running (stopped ones no longer count). */
export function plannedHoursOf(objectives: readonly Objective[]): number {
  let total = 0;
  for (const objective of objectives)
    for (const action of objective.actions)
      if (!stoppedActionStatuses.includes(action.status as ActionStatus)) total += action.plannedWeeklyHours;
  return Math.round(total * 100) / 100;
}

/** An ISO timestamp as the value of a `datetime-local` input (browser's time zone). */
export function toDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` value (browser's time zone) as an ISO timestamp; null when empty or invalid. */
export function fromDateTimeInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Why the review may last 12 months on the social path. */
export const reviewExtensionReasons = ['sante', 'handicap', 'logement', 'famille'] as const;
export type ReviewExtensionReason = (typeof reviewExtensionReasons)[number];
export const reviewExtensionReasonLabels: Record<ReviewExtensionReason, string> = {
  sante: 'Santé',
  handicap: 'Handicap',
  logement: 'Logement',
  famille: 'Situation familiale',
};

/** Contract states where weekly activity is shown (signed, running, or ended after running). */
export function showsWeeklyActivity(contract: Pick<Contract, 'status' | 'version'>): boolean {
  if (['signe', 'actif', 'en_revision'].includes(contract.status)) return true;
  // An amendment being proposed, or a contract ended after it was signed.
  return contract.status !== 'brouillon' && contract.version > 0;
}
