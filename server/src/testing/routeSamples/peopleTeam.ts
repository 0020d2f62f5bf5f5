import type { RouteSampleSet } from './types';

/** Team, consents, sensitive notes, documents, timeline, consultations and merge routes. */
export const peopleTeamSamples: RouteSampleSet = {
  openToTerritoryMembers: {},
  inputs: () => ({}),
};
