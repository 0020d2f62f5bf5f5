import type { AlertRuleId } from '@spie/contract/review';
import { activityBelowPlan } from './activity_below_plan';
import { contractEndedNoSuccessor } from './contract_ended_no_successor';
import { contractReviewDue } from './contract_review_due';
import { contractUnsigned } from './contract_unsigned';
import { employmentCheckpoint } from './employment_checkpoint';
import { journeyGap } from './journey_gap';
import { lostContact } from './lost_contact';
import { noContact } from './no_contact';
import { orientationOverdue } from './orientation_overdue';
import { periodicReviewDue } from './periodic_review_due';
import { referentMissing } from './referent_missing';
import { rsaSuspendedOrClosed } from './rsa_suspended_or_closed';
import type { RuleQuery } from './rule';
import { siaeContractEnding } from './siae_contract_ending';
import { turning26 } from './turning_26';

export type { RuleContext, RuleMatch, RuleQuery } from './rule';

/**
 * The queries of the rules, in evaluation order: « perdu·e de vue » before « sans contact », so
 * that a « sans contact » giving way to it is resolved as replaced.
 */
export const ruleQueries: readonly RuleQuery[] = [
  lostContact,
  noContact,
  orientationOverdue,
  referentMissing,
  contractUnsigned,
  contractReviewDue,
  contractEndedNoSuccessor,
  journeyGap,
  activityBelowPlan,
  turning26,
  rsaSuspendedOrClosed,
  siaeContractEnding,
  employmentCheckpoint,
  periodicReviewDue,
];

export const ruleQueryById = Object.fromEntries(ruleQueries.map((r) => [r.id, r])) as Record<
  AlertRuleId,
  RuleQuery
>;
