import { appointmentsSamples } from './appointments';
import { campaignsSamples } from './campaigns';
import { catalogueSamples } from './catalogue';
import { contractsSamples } from './contracts';
import { diagnosticsSamples } from './diagnostics';
import { foundationSamples } from './foundation';
import { orientationsSamples } from './orientations';
import { peopleRecordSamples } from './peopleRecord';
import { peopleTeamSamples } from './peopleTeam';
import { referralsSamples } from './referrals';
import { reviewSamples } from './review';
import type { RouteSampleSet } from './types';

export type { RouteInput, RouteSampleSet, SampleIds } from './types';

/** Every module's sample set; a module with routes adds its own file here. */
export const sampleSets: RouteSampleSet[] = [
  foundationSamples,
  peopleRecordSamples,
  peopleTeamSamples,
  diagnosticsSamples,
  orientationsSamples,
  contractsSamples,
  reviewSamples,
  appointmentsSamples,
  campaignsSamples,
  catalogueSamples,
  referralsSamples,
];
