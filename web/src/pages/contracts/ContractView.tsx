import type { Contract } from '@spie/contract/contracts';
import { ActionPlanSection } from './ActionPlanSection';
import { AdjustmentsSection } from './AdjustmentsSection';
import { WeeklyActivitySection } from './activity/WeeklyActivitySection';
import { ContractGlance } from './ContractGlance';
import { ContractHeaderSection } from './ContractHeaderForm';
import { ContractVersions } from './ContractVersions';
import { planEditable, showsWeeklyActivity } from './contractFormat';
import { SignatureLinkPanel } from './SignatureLinkPanel';

/**
 * One contract on one page: at a glance with its next steps, dates and commitments, the whole plan,
 * the weekly target and its adjustments, the signature link, the weekly activity, the versions.
 */
export function ContractView({
  personId,
  contract,
  readOnly,
  onDone,
  onReload,
}: {
  personId: string;
  contract: Contract;
  /** A previous contract, or a reader who may not change it: no forms. */
  readOnly: boolean;
  onDone: (message: string) => void;
  onReload: () => void;
}) {
  return (
    <>
      <ContractGlance contract={contract} readOnly={readOnly} onDone={onDone} />
      {!readOnly && contract.status === 'propose' && <SignatureLinkPanel contract={contract} />}
      <ContractHeaderSection
        contract={contract}
        editable={!readOnly && planEditable(contract)}
        onDone={onDone}
        onReload={onReload}
      />
      <ActionPlanSection contract={contract} readOnly={readOnly} onDone={onDone} />
      <AdjustmentsSection contract={contract} readOnly={readOnly} onDone={onDone} />
      {showsWeeklyActivity(contract) && <WeeklyActivitySection personId={personId} contract={contract} />}
      <ContractVersions contract={contract} />
    </>
  );
}
