import type { RouteBinding } from '../../http/binding';
import { diagnosticsRouteBindings } from './diagnostics.routes';

export { latestRecommendedPath } from './diagnostic.queries';
export {
  type CafMapping,
  type ConstraintSituations,
  type CurrentReferential,
  currentReferential,
  type ReferentialContent,
  type ThematiqueMapping,
} from './referentials';

export const diagnosticsBindings: RouteBinding[] = diagnosticsRouteBindings;
