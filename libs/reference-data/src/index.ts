export * from './types';
export { ReferenceData } from './reference-data';
