import type { RouteBinding } from '../../http/binding';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { catalogueBindingsList } from './catalogue.bindings';
import { catalogueDailyJobs } from './catalogue.jobs';

export { endSuspensions, sendFreshnessReminders } from './catalogue.jobs';
export {
  diServiceToRow,
  diStructureToRow,
  serviceRowToDi,
  structureRowToDi,
  toStructureDi,
} from './catalogue.mapping';
export { placesOf, type ServicePlaces, type SessionPlaces, toPlacesSummary } from './catalogue.places';
export { referralBlockedReason } from './catalogue.queries';
export { type QualityInput, qualityOf } from './quality';

export const catalogueBindings: RouteBinding[] = catalogueBindingsList;

/** Subscribers of the catalogue module. */
export function registerCatalogueSubscribers(_bus: EventBus, _deps: Deps): void {}

/** Background jobs of the catalogue module (freshness reminders, end of suspensions). */
export function catalogueJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return catalogueDailyJobs(deps);
}
export { importCatalogueFile } from './exchange/importCatalogueFile';
