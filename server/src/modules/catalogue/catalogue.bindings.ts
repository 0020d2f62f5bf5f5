import type { RouteBinding } from '../../http/binding';

/** Every catalogue route, bound to its use case (filled by the catalogue's use cases). */
export const catalogueBindingsList: RouteBinding[] = [];
