export * from './orientations.routes';
export * from './orientations.schema';
export * from './orientations.workflow';
