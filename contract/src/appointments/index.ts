export * from './appointments.routes';
export * from './appointments.schema';
export * from './appointments.workflow';
