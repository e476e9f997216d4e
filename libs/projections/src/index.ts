export * from './runner/projection';
export * from './runner/projection-runner';
export type { ReadModelRunner } from './runner/read-model-runner';
export { statement } from './runner/statements';
export * from './registry/licensing-facts.projection';
export { deriveBoardSums, deriveCountrySums } from './registry/running-sums';
export { ADJUSTED_COUNT_MONTHS, deriveAdjustedCounts } from './registry/adjusted-counts';
export * from './registry/project-register.projection';
export { canonicalInstant, isInstant } from './registry/instant';
export * from './registry/dossiers.projection';
export * from './registry/enterprise-reports.projection';
export * from './registry/plans.projection';
export * from './registry/zones.projection';
export * from './registry/zone-land.projection';
export * from './registry/operation-starts.projection';
import { LicensingFactsProjection } from './registry/licensing-facts.projection';
import { ProjectRegisterProjection } from './registry/project-register.projection';
import { DossiersProjection } from './registry/dossiers.projection';
import { EnterpriseReportsProjection } from './registry/enterprise-reports.projection';
import { PlansProjection } from './registry/plans.projection';
import { ZonesProjection } from './registry/zones.projection';
import { ZoneLandProjection } from './registry/zone-land.projection';
import { OperationStartsProjection } from './registry/operation-starts.projection';

/** Every read model the ledger maintains (facts, zone land and operation starts read the register's copy of each project's stream, so they come after the register). */
export const allProjections = () => [
  new ProjectRegisterProjection(),
  new LicensingFactsProjection(),
  new DossiersProjection(),
  new EnterpriseReportsProjection(),
  new PlansProjection(),
  new ZonesProjection(),
  new ZoneLandProjection(),
  new OperationStartsProjection(),
];
