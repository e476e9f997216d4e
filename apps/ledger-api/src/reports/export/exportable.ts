import { SetMetadata } from '@nestjs/common';
import type { ActivityReport, TimeseriesReport, ValidProjectsReport } from './tables';

/** What each exportable route returns: the export reads exactly this shape. */
export interface ExportedReports {
  validProjects: ValidProjectsReport;
  activity: ActivityReport;
  timeseries: TimeseriesReport;
  /** The register export reads every matching row itself; the route's page is not used. */
  register: unknown;
}

export type ExportKind = keyof ExportedReports;

export const EXPORT_KIND = 'ledger:export-kind';
export const RESPONSE_FORMATS = 'ledger:response-formats';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

/**
 * Registers a route for `?format=csv|xlsx` as the export of one report. The route must return
 * that report's shape (checked by the compiler), so renaming a method never disables an export.
 */
export function Exportable<K extends ExportKind>(kind: K) {
  return (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<(...args: never[]) => Promise<ExportedReports[K]>>) => {
    SetMetadata(EXPORT_KIND, kind)(target, key, descriptor);
    SetMetadata(RESPONSE_FORMATS, EXPORT_FORMATS)(target, key, descriptor);
  };
}

/** The `format` values a route answers besides its default JSON (routes without it answer JSON only). */
export const ResponseFormats = (...formats: string[]) => SetMetadata(RESPONSE_FORMATS, formats);
