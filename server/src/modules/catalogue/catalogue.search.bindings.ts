import { catalogueRoutes as r } from '@spie/contract/catalogue';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { personOffers } from './search/personOffers';
import { searchServices } from './search/searchServices';

/** Search and « offers for this person » routes. */
export const searchBindings: RouteBinding[] = [
  bindUseCase(r.search, searchServices),
  bindUseCase(r.personOffers, personOffers),
];
