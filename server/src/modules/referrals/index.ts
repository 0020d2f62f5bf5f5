import type { RouteBinding } from '../../http/binding';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { referralsBindingsList } from './referrals.bindings';
import { referralJobList } from './referrals.jobs';

export const referralsBindings: RouteBinding[] = referralsBindingsList;

/** Subscribers of the referrals module (none: timeline entries come from the people module). */
export function registerReferralsSubscribers(_bus: EventBus, _deps: Deps): void {}

/** Background jobs of the referrals module (reminder at D+10, expiry at D+30). */
export function referralsJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return referralJobList(deps);
}
