import type { TestContext } from '../testContext';

export interface RouteInput {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * Ids of territory 93 the route-permission test aims at: a professional (Girard, ALI Bobigny)
 * and whatever each module's `prepare` adds (a person he follows, a document…).
 */
export interface SampleIds {
  territoryId: string;
  organisationId: string;
  accountId: string;
  membershipId: string;
  [key: string]: string;
}

/** One module's part of the route-permission test. */
export interface RouteSampleSet {
  /** Routes any member of the territory may use whatever their organisation, with the reason. */
  openToTerritoryMembers: Record<string, string>;
  /** Creates the module's fixtures once the demo territory is loaded; returns more ids. */
  prepare?: (ctx: TestContext, ids: SampleIds) => Promise<Record<string, string>>;
  /** Valid inputs per route id, so that a refusal comes from the rule and not from validation. */
  inputs: (ids: SampleIds) => Record<string, RouteInput>;
}
