import type { RouteBinding } from '../../http/binding';

/** Team, consents, sensitive notes, documents, timeline, consultations, merges (helper B fills this). */
export const teamBindings: RouteBinding[] = [];
