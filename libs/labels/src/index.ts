export * from './lang';
export * from './fields';
export * from './acts';
export * from './problems';
export * from './number-words';
export * from './money-format';
export * from './figure-format';
