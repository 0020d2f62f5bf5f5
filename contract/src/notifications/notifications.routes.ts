import { defineRoute, page, pageQuery } from '../http';
import { notification } from './notifications.schema';

export const notificationsRoutes = {
  demoInbox: defineRoute({
    id: 'notifications.demoInbox',
    method: 'GET',
    path: '/api/demo/inbox',
    summary: 'Boîte de réception de démonstration : ce qui aurait été envoyé (mode démo seulement)',
    tags: ['Notifications'],
    query: pageQuery,
    response: page(notification),
  }),
} as const;
