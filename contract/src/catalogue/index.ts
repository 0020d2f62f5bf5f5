export * from './catalogue.enums';
export * from './catalogue.routes';
export * from './catalogue.schema';
export * from './dataInclusion.lists';
