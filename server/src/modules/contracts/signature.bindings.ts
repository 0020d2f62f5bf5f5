import type { RouteBinding } from '../../http/binding';

export const signatureBindings: RouteBinding[] = [];
