import type { RouteBinding } from '../../http/binding';
import { activityBindings } from './activity.bindings';
import { planBindings } from './plan.bindings';
import { signatureBindings } from './signature.bindings';

export { activateDueContracts } from './activateDue';
export { onContractSigned } from './storeContractDocument';

export const contractsBindings: RouteBinding[] = [...planBindings, ...activityBindings, ...signatureBindings];
