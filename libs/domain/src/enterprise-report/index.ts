export * from './types';
export * from './state';
export * from './decide';
