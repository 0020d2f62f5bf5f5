export * from './nir';
