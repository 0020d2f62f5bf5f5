export { authBindings, SESSION_COOKIE } from './auth.routes';
export { resolveSession } from './session.store';
export { activeMembershipsOf } from './sessionInfo.queries';
