export * from './import-register';
export * from './issues';
export * from './columns';
export * from './row-report';
export type { Layout } from './acts';
export type { ImportFigures, FiguresAsOf, NewCertificatesOfYear } from './figures';
export * from './exchange-rates';
export { WorkbookUnreadableError } from './read-sheet';
