export { loadTerritory } from './getTerritory';
export { territoriesBindings } from './territories.routes';
export { isTerritoryAdmin } from './territories.rules';
export { welcomeNewAccount } from './welcomeNewAccount';
