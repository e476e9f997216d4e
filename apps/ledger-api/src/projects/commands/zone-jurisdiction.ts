import { Inject, Injectable } from '@nestjs/common';
import { RuleCode, RuleViolation } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import { REFERENCE_DATA } from '../../reports/units.provider';

/**
 * Reference-data rules the pure decider cannot know: a project's zone must exist and belong to
 * the board that issues (or holds) the certificate.
 */
@Injectable()
export class ZoneJurisdiction {
  constructor(@Inject(REFERENCE_DATA) private readonly reference: ReferenceData) {}

  requireZoneOfBoard(zoneId: string, boardId: string): void {
    const zone = this.reference.zone(zoneId);
    if (!zone) throw new RuleViolation(RuleCode.ZONE_UNKNOWN, `zone ${zoneId} is not in the reference data (config/reference-data/zones.json)`);
    if (zone.boardId !== boardId) throw new RuleViolation(RuleCode.ZONE_NOT_IN_BOARD, `zone ${zoneId} belongs to board ${zone.boardId}, not ${boardId}`);
  }
}
