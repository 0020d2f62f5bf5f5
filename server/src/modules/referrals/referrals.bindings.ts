import type { RouteBinding } from '../../http/binding';

/** Every referral route, bound to its use case (filled by the referrals' use cases). */
export const referralsBindingsList: RouteBinding[] = [];
