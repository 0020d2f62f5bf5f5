export * from './notifications.routes';
export * from './notifications.schema';
