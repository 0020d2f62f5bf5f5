import { notificationsRoutes } from '@spie/contract/notifications';
import { bindUseCase, type RouteBinding } from '../../http/binding';
import { demoInbox } from './demoInbox';

export { deliverNotifications } from './deliverNotifications';
export { type NewNotification, queueNotification } from './notifications.store';

export const notificationsBindings: RouteBinding[] = [bindUseCase(notificationsRoutes.demoInbox, demoInbox)];
