import type { Migration } from 'kysely';
import * as foundation from './20261121T1200_foundation';
import * as people from './20261121T1400_people';
import * as jobRuns from './20261121T1500_job_runs';
import * as diagnosticsOrientations from './20261122T0900_diagnostics_orientations';
import * as contracts from './20261123T0900_contracts';
import * as reviewAppointmentsCampaigns from './20261124T0900_review_appointments_campaigns';
import * as catalogueReferrals from './20261125T0900_catalogue_referrals';

/**
 * Every migration, in order. Listed statically so that every runtime (tsx, Vitest, a bundle)
 * loads the same set; a migration is never edited once shipped, only added below.
 */
export const migrations: Record<string, Migration> = {
  '20261121T1200_foundation': foundation,
  '20261121T1400_people': people,
  '20261121T1500_job_runs': jobRuns,
  '20261122T0900_diagnostics_orientations': diagnosticsOrientations,
  '20261123T0900_contracts': contracts,
  '20261124T0900_review_appointments_campaigns': reviewAppointmentsCampaigns,
  '20261125T0900_catalogue_referrals': catalogueReferrals,
};
