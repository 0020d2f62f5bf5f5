import type { RouteBinding } from '../../http/binding';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { campaignsBindingsList } from './campaigns.bindings';
import { progressCampaigns } from './campaigns.jobs';
import {
  flagInvalidContact,
  onAppointmentStatusChanged,
  onUndeliverableForCampaign,
} from './campaigns.subscribers';

export { progressCampaigns } from './campaigns.jobs';
export { invitationCode } from './campaigns.tokens';

export const campaignsBindings: RouteBinding[] = campaignsBindingsList;

/**
 * Subscribers of the campaigns module: outcomes from appointments (honoured), unreachable people
 * from undeliverable messages, and the « à vérifier » flag on their contact data.
 */
export function registerCampaignsSubscribers(bus: EventBus, deps: Deps): void {
  bus.subscribe('AppointmentStatusChanged', 'campaigns.appointmentOutcome', (event) =>
    onAppointmentStatusChanged(deps, event),
  );
  bus.subscribe('NotificationUndeliverable', 'campaigns.unreachable', (event) =>
    onUndeliverableForCampaign(deps, event),
  );
  bus.subscribe('NotificationUndeliverable', 'people.flagInvalidContact', (event) =>
    flagInvalidContact(deps, event),
  );
}

/** Background jobs of the campaigns module: sent invitations, reminders, expiry, end (every worker pass). */
export function campaignsJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [{ name: 'campaigns.progress', run: () => progressCampaigns(deps) }];
}
