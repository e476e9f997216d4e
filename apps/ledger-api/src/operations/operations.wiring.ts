import { EnterpriseReportsController } from './enterprise-reports.controller';
import { operationsConfigProvider } from './operations-config';
import { OperationsReportsController } from './operations-reports.controller';
import { OperationsReportHandler } from './operations.queries';
import { PlansController } from './plans.controller';
import { PlanReportHandler, RecordPlanActHandler } from './plans.handlers';
import { RecordEnterpriseReportHandler } from './record-enterprise-report.handler';
import { ZonesController } from './zones.controller';
import { RecordZoneActHandler, ZonesReportHandler } from './zones.handlers';

/** Enterprise operating results, plan targets and zones: what app.module adds for them. */
export const OPERATIONS_CONTROLLERS = [EnterpriseReportsController, OperationsReportsController, PlansController, ZonesController];
export const OPERATIONS_PROVIDERS = [operationsConfigProvider, RecordEnterpriseReportHandler, OperationsReportHandler, RecordPlanActHandler, PlanReportHandler, RecordZoneActHandler, ZonesReportHandler];
