import type { RouteBinding } from '../../http/binding';
import { activityBindings } from './activity.bindings';
import { planBindings } from './plan.bindings';
import { signatureBindings } from './signature.bindings';

export { activateDueContracts } from './activateDue';
// The bench times the worker's rendering on real contracts.
export { renderContractPdf } from './contractPdf';
export { buildSnapshot, type ContractSnapshot } from './contractSnapshot';
export { onContractSigned } from './storeContractDocument';

export const contractsBindings: RouteBinding[] = [...planBindings, ...activityBindings, ...signatureBindings];
export { recordReferralHours, syncReferralAction } from './referralAction';
