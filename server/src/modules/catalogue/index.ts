import type { RouteBinding } from '../../http/binding';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { catalogueBindingsList } from './catalogue.bindings';

export const catalogueBindings: RouteBinding[] = catalogueBindingsList;

/** Subscribers of the catalogue module. */
export function registerCatalogueSubscribers(_bus: EventBus, _deps: Deps): void {}

/** Background jobs of the catalogue module (freshness reminders, end of suspensions). */
export function catalogueJobs(_deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [];
}
