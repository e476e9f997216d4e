import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { vietnamDateOf } from '@ledger/domain';
import type { ReadModelRunner } from '@ledger/projections';
import type { ReferenceData } from '@ledger/reference-data';
import type { ReportFilters } from '@ledger/reporting';
import { type LedgerConfig } from '../config/ledger-config';
import { problem } from '../http/problem';
import { type Clock } from '../store/store.providers';
import type { ReportFiltersDto } from './report-query.dto';
import { CLOCK, LEDGER_CONFIG, PROJECTION_RUNNER, REFERENCE_DATA } from '../tokens';

/** Any report query (the narrative one answers other formats). */
type ReportQuery = Omit<ReportFiltersDto, 'format'>;

/** What every report request shares: its filters, its units, its period check and read-your-writes. */
@Injectable()
export class ReportScope {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadModelRunner,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  filtersOf(dto: ReportQuery): ReportFilters {
    const { regionId, provinceId, boardId, zoneId, origin } = dto;
    return JSON.parse(JSON.stringify({ regionId, provinceId, boardId, zoneId, origin }));
  }

  today(): string {
    return vietnamDateOf(this.clock());
  }

  /** Historical units for a report wholly before the first succession (1 July 2025), current otherwise. */
  unitsFor(dto: ReportQuery, reportDate: string): { units: 'historical' | 'current'; today: string } {
    const change = this.reference.firstSuccessionDate();
    return { units: dto.units ?? (change && reportDate < change ? 'historical' : 'current'), today: this.today() };
  }

  requireOrderedPeriod(from: string, to: string): void {
    if (from > to) throw new BadRequestException(problem(400, 'INVALID_PERIOD', 'The request is invalid', `from ${from} is after to ${to}`));
  }

  /** Read-your-writes: wait (bounded) until the read models include the caller's last write. */
  async caughtUp(dto: ReportQuery): Promise<void> {
    if (dto.minPosition !== undefined) await this.runner.waitFor(BigInt(dto.minPosition), this.config.readYourWritesTimeoutMs);
  }
}
