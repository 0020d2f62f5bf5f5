import type { RouteBinding } from '../../http/binding';

export const contractsBindings: RouteBinding[] = [];
