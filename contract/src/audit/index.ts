export * from './audit.routes';
export * from './audit.schema';
