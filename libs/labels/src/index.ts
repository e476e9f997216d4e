export * from './lang';
export * from './fields';
export * from './acts';
export * from './problems';
