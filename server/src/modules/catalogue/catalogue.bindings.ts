import { catalogueRoutes as r } from '@spie/contract/catalogue';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { exchangeBindings } from './catalogue.exchange.bindings';
import { searchBindings } from './catalogue.search.bindings';
import { changeServiceStatus } from './changeServiceStatus';
import { createService } from './createService';
import { createSession } from './createSession';
import { createStructure } from './createStructure';
import { getService } from './getService';
import { getStructure } from './getStructure';
import { markUpToDate } from './markUpToDate';
import { occupancy } from './occupancy';
import { ownedServices } from './ownedServices';
import { serviceSessions } from './sessions';
import { structures } from './structures';
import { updateService } from './updateService';
import { updateSession } from './updateSession';
import { updateStructure } from './updateStructure';
import { waitingList } from './waitingList';

/** Services, sessions, waiting lists, structures and occupancy (catalogue core). */
const coreBindings: RouteBinding[] = [
  bindUseCase(r.getService, getService),
  bindUseCase(r.createService, createService),
  bindUseCase(r.updateService, updateService),
  bindUseCase(r.changeServiceStatus, changeServiceStatus),
  bindUseCase(r.markUpToDate, markUpToDate),
  bindUseCase(r.ownedServices, ownedServices),
  bindUseCase(r.sessions, serviceSessions),
  bindUseCase(r.createSession, createSession),
  bindUseCase(r.updateSession, updateSession),
  bindUseCase(r.waitingList, waitingList),
  bindUseCase(r.structures, structures),
  bindUseCase(r.getStructure, getStructure),
  bindUseCase(r.createStructure, createStructure),
  bindUseCase(r.updateStructure, updateStructure),
  bindUseCase(r.occupancy, occupancy),
];

/** Every catalogue route, bound to its use case. */
export const catalogueBindingsList: RouteBinding[] = [
  ...coreBindings,
  ...searchBindings,
  ...exchangeBindings,
];
