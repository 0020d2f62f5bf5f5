import type { RouteSampleSet } from './types';

/** Person record routes (identity, statuses, search, caseload, directory, duplicates). */
export const peopleRecordSamples: RouteSampleSet = {
  openToTerritoryMembers: {},
  inputs: () => ({}),
};
