export * from './organisationKinds';
export * from './roles';
export * from './settings.schema';
export * from './siret';
export * from './territories.routes';
export * from './territories.schema';
