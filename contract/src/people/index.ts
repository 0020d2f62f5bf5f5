export * from './nir';
export * from './people.enums';
export * from './people.routes';
export * from './people.schema';
