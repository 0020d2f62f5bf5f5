import { orientationsRoutes as r } from '@spie/contract/orientations';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { acceptReorientation } from './acceptReorientation';
import { bulkDecide } from './bulkDecide';
import { orientationIndicators } from './indicators';
import { personOrientations } from './personOrientations';
import { orientationQueue } from './queue';
import { refuseReorientation } from './refuseReorientation';
import { reorientationRequests } from './reorientationRequests';
import { requestReorientation } from './requestReorientation';
import { startOrientation } from './startOrientation';
import { toAssign } from './toAssign';
import { transitionOrientation } from './transitionOrientation';

export const orientationsRouteBindings: RouteBinding[] = [
  bindUseCase(r.queue, orientationQueue),
  bindUseCase(r.personOrientations, personOrientations),
  bindUseCase(r.start, startOrientation),
  bindUseCase(r.transition, transitionOrientation),
  bindUseCase(r.bulkDecide, bulkDecide),
  bindUseCase(r.toAssign, toAssign),
  bindUseCase(r.requestReorientation, requestReorientation),
  bindUseCase(r.reorientationRequests, reorientationRequests),
  bindUseCase(r.acceptReorientation, acceptReorientation),
  bindUseCase(r.refuseReorientation, refuseReorientation),
  bindUseCase(r.indicators, orientationIndicators),
];
