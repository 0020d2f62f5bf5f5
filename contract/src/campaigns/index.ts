export * from './campaigns.enums';
export * from './campaigns.routes';
export * from './campaigns.schema';
