import { EnterpriseReportsController } from './enterprise-reports.controller';
import { LedgerWriteHandler } from './ledger-write';
import { operationsConfigProvider } from './operations-config';
import { OperationsReportsController } from './operations-reports.controller';
import { PlansController } from './plans.controller';
import { OperationsReportHandler, PlanReportHandler, ZonesReportHandler } from './report-queries';
import { ZonesController } from './zones.controller';

/** Enterprise operating results, plan targets and zones: what app.module adds for them. */
export const OPERATIONS_CONTROLLERS = [EnterpriseReportsController, OperationsReportsController, PlansController, ZonesController];
export const OPERATIONS_PROVIDERS = [operationsConfigProvider, LedgerWriteHandler, OperationsReportHandler, PlanReportHandler, ZonesReportHandler];
