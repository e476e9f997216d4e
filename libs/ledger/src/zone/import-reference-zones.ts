import { RuleCode, RuleViolation, type LegalDate } from '@ledger/domain';
import type { CommandContext } from '../context';
import type { ReportWriteDeps } from '../enterprise-report/record-enterprise-report';
import { recordZoneAct } from './record-zone-act';

export interface ReferenceZoneImport {
  /** The day from which the ledger records the zone (config/ holds no decision dates). */
  establishedOn: LegalDate;
  /** When given, the imported zones operate from this day. */
  operatingFrom?: LegalDate;
}

export interface ReferenceZoneImportResult {
  established: string[];
  alreadyInLedger: string[];
  refused: { zoneId: string; code: string; detail: string }[];
}

/**
 * Establishes, through the write path, each zone of config/reference-data/zones.json the ledger does
 * not hold yet: its listed board, leasable land = natural area = the listed industrial land (the only
 * area config/ knows; a later ChangeZoneAreas states the natural area). Zones already in the ledger
 * are left alone, so the import can run again.
 */
export async function importReferenceZones(deps: ReportWriteDeps, request: ReferenceZoneImport, context: CommandContext): Promise<ReferenceZoneImportResult> {
  const result: ReferenceZoneImportResult = { established: [], alreadyInLedger: [], refused: [] };
  for (const zone of deps.reference.data.zones) {
    // One command per zone: event ids derive from the key, so each zone gets its own.
    const own: CommandContext = { ...context, ...(context.idempotencyKey ? { idempotencyKey: `${context.idempotencyKey}:${zone.id}` } : {}) };
    const area = { naturalAreaHa: zone.industrialLandHa, leasableLandHa: zone.industrialLandHa };
    try {
      const data = { zoneId: zone.id, boardId: zone.boardId, kind: zone.kind, nameVi: zone.nameVi, decisionRef: `config/reference-data/zones.json ${deps.reference.version}`, decidedOn: request.establishedOn, ...area };
      await recordZoneAct(deps, { type: 'EstablishZone', zoneId: zone.id, data }, own);
      if (request.operatingFrom) await recordZoneAct(deps, { type: 'ChangeZoneStatus', zoneId: zone.id, data: { status: 'OPERATING', effectiveOn: request.operatingFrom } }, { ...own, ...(own.idempotencyKey ? { idempotencyKey: `${own.idempotencyKey}:operating` } : {}) });
      result.established.push(zone.id);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      if (error.code === RuleCode.ZONE_ALREADY_ESTABLISHED) result.alreadyInLedger.push(zone.id);
      else result.refused.push({ zoneId: zone.id, code: error.code, detail: error.message });
    }
  }
  return result;
}
