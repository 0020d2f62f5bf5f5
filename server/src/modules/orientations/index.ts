import type { RouteBinding } from '../../http/binding';
import { orientationsRouteBindings } from './orientations.routes';

export { onOrientationDecided } from './notifyOrientation';
export { onDiagnosticCompleted, onRsaClosed, onRsaOpened } from './rsaEvents';

export const orientationsBindings: RouteBinding[] = orientationsRouteBindings;
