import type { RouteBinding } from '../../http/binding';

/** Record, identity, statuses, search, caseload, directory, duplicates (helper A fills this). */
export const recordBindings: RouteBinding[] = [];
