export * from './diagnostics.enums';
export * from './diagnostics.routes';
export * from './diagnostics.schema';
export * from './recommendation';
