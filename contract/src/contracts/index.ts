export * from './contracts.enums';
export * from './contracts.routes';
export * from './contracts.schema';
export * from './contracts.workflow';
