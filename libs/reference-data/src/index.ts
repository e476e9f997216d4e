export * from './types';
export * from './reference-data';
