import type { RouteBinding } from '../../http/binding';
import { runDailyJob } from '../../kernel/dailyJob';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { reviewRouteBindings } from './review.bindings';
import { onDomainEvent, recomputeAllTerritories } from './review.passes';

export { evaluate } from './review.engine';
export { recomputeAllTerritories, recomputeTerritory, reevaluatePeople } from './review.passes';

export const reviewBindings: RouteBinding[] = reviewRouteBindings;

/** Subscribers of the review module (re-evaluation of the people an event concerns, contacts). */
export function registerReviewSubscribers(bus: EventBus, deps: Deps): void {
  bus.subscribeAll('review.reevaluate', (event) => onDomainEvent(deps, event));
}

/** Background jobs of the review module (the nightly full pass, once a day whichever process gets there first). */
export function reviewJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [
    {
      name: 'review.recompute',
      run: () =>
        runDailyJob(deps.database.db, deps.clock, 'review.recompute', async () => {
          const territories = await recomputeAllTerritories(deps);
          return {
            territories: territories.length,
            people: territories.reduce((n, t) => n + t.people, 0),
            opened: territories.reduce((n, t) => n + t.opened, 0),
            resolved: territories.reduce((n, t) => n + t.resolved, 0),
          };
        }),
    },
  ];
}
