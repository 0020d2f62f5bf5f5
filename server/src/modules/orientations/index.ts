import type { RouteBinding } from '../../http/binding';

export const orientationsBindings: RouteBinding[] = [];
