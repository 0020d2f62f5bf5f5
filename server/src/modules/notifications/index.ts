import { notificationsRoutes } from '@spie/contract/notifications';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { demoInbox } from './demoInbox';

export {
  type DeliveryOptions,
  type DeliveryResult,
  deliverNotifications,
  LEASE_MS as NOTIFICATION_LEASE_MS,
  undeliverableEvent,
} from './deliverNotifications';
export {
  applyDeliveryReports,
  type DeliveryReport,
  type NewNotification,
  queueNotification,
  queueNotifications,
  type ReportedNotification,
} from './notifications.store';

export const notificationsBindings: RouteBinding[] = [bindUseCase(notificationsRoutes.demoInbox, demoInbox)];
