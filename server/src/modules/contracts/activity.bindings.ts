import type { RouteBinding } from '../../http/binding';

export const activityBindings: RouteBinding[] = [];
