import type { RouteBinding } from '../../http/binding';

export const diagnosticsBindings: RouteBinding[] = [];
