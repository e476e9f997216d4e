export * from './types';
export * from './commands';
export * from './calendar';
export * from './deadline';
export * from './state';
export * from './decide';
export * from './snapshot';
