import type { RouteBinding } from '../../http/binding';
import type { Deps } from '../../kernel/deps';
import type { EventBus } from '../../kernel/outbox';
import { appointmentsBindingsList } from './appointments.bindings';
import { sendAppointmentReminders } from './reminders';

export { type BookAppointmentInput, bookAppointment } from './bookAppointment';
export {
  frenchDateTimeWords,
  frenchDayWords,
  frenchTimeWords,
  fromParisLocal,
  toParisLocal,
} from './parisTime';
export { sendAppointmentReminders } from './reminders';

export const appointmentsBindings: RouteBinding[] = appointmentsBindingsList;

/** Subscribers of the appointments module (none: it emits, the review and campaigns modules react). */
export function registerAppointmentsSubscribers(_bus: EventBus, _deps: Deps): void {}

/** Background jobs of the appointments module: the D-2 reminders, at every worker pass. */
export function appointmentsJobs(deps: Deps): { name: string; run: () => Promise<unknown> }[] {
  return [{ name: 'appointments.reminders', run: () => sendAppointmentReminders(deps) }];
}
