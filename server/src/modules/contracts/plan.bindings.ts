import type { RouteBinding } from '../../http/binding';

export const planBindings: RouteBinding[] = [];
