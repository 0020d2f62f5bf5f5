export * from './review.routes';
export * from './review.rules';
export * from './review.schema';
