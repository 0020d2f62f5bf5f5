import { appointmentsRoutes } from './appointments/appointments.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { campaignsRoutes } from './campaigns/campaigns.routes';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { contractsRoutes } from './contracts/contracts.routes';
import { diagnosticsRoutes } from './diagnostics/diagnostics.routes';
import type { AnyRoute } from './http';
import { notificationsRoutes } from './notifications/notifications.routes';
import { orientationsRoutes } from './orientations/orientations.routes';
import { peopleRoutes } from './people/people.routes';
import { referralsRoutes } from './referrals/referrals.routes';
import { reviewRoutes } from './review/review.routes';
import { territoriesRoutes } from './territories/territories.routes';

export * from './errors';
export * from './http';

export {
  appointmentsRoutes,
  auditRoutes,
  authRoutes,
  campaignsRoutes,
  catalogueRoutes,
  contractsRoutes,
  diagnosticsRoutes,
  notificationsRoutes,
  orientationsRoutes,
  peopleRoutes,
  referralsRoutes,
  reviewRoutes,
  territoriesRoutes,
};

/** Every API route of the contract: the server mounts them all, the OpenAPI document lists them. */
export const allRoutes: AnyRoute[] = [
  ...Object.values(authRoutes),
  ...Object.values(territoriesRoutes),
  ...Object.values(notificationsRoutes),
  ...Object.values(auditRoutes),
  ...Object.values(peopleRoutes),
  ...Object.values(diagnosticsRoutes),
  ...Object.values(orientationsRoutes),
  ...Object.values(contractsRoutes),
  ...Object.values(reviewRoutes),
  ...Object.values(appointmentsRoutes),
  ...Object.values(campaignsRoutes),
  ...Object.values(catalogueRoutes),
  ...Object.values(referralsRoutes),
];
