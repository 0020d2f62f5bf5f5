export { loadTerritory } from './getTerritory';
export { currentMemberships } from './memberships.queries';
export { territoriesBindings } from './territories.routes';
export { isTerritoryAdmin } from './territories.rules';
export { welcomeNewAccount } from './welcomeNewAccount';
