export * from './types';
export { ReferenceData } from './reference-data';
export * from './dossier-config';
