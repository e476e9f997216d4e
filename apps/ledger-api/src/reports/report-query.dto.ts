import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { EARLIEST_LEGAL_DATE, ORIGINS, type Origin } from '@ledger/domain';
import { isInstant } from '@ledger/projections';
import {
  GROUP_DIMENSIONS,
  INTERVALS,
  MAX_SERIES_INTERVALS,
  METRICS,
  REGISTER_SORTS,
  intervalCount,
  type GroupDimension,
  type Interval,
  type Metric,
  type RegisterSort,
} from '@ledger/reporting';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';
import { toInt } from '../http/query-transforms';

const ID_MESSAGE = '$property must be an identifier such as BQL-BG';
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** ISO 8601 forms without one instant (week or ordinal dates, `+07` without minutes) are refused, not guessed. */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => typeof value === 'string' && isInstant(value),
      defaultMessage: () => '$property must be an instant such as 2017-03-15T00:00:00Z or 2017-03-15T07:00:00+07:00',
    },
  });

/** Filters and read-your-writes options shared by every report. */
export class ReportFiltersDto {
  @ApiPropertyOptional({ example: 'RRD' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) regionId?: string;
  @ApiPropertyOptional({ example: 'BG' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) provinceId?: string;
  @ApiPropertyOptional({ example: 'BQL-BG' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) boardId?: string;
  @ApiPropertyOptional({ example: 'KCN-QUANG-CHAU' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) zoneId?: string;
  @ApiPropertyOptional({ enum: ORIGINS }) @IsOptional() @IsIn(ORIGINS) origin?: Origin;

  @ApiPropertyOptional({ description: 'wait (bounded) until read models include this global position; 503 + Retry-After otherwise' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, { message: '$property must be a global position returned by a command' })
  minPosition?: string;

  @ApiPropertyOptional({ enum: ['historical', 'current'], description: 'units of the period, or today\'s units; default historical for a period wholly before the 2025 merger, current otherwise' })
  @IsOptional()
  @IsIn(['historical', 'current'])
  units?: 'historical' | 'current';

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'response format; csv is RFC 4180 UTF-8 with BOM' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({ enum: ['vi', 'en'], description: 'csv/xlsx for people: headers in the boards\' terms in this language, names and statuses in words (without it and without locale: machine names)' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';

  @ApiPropertyOptional({ enum: ['vi'], description: 'csv for a Vietnamese-locale spreadsheet: `;` between fields, decimal commas, dates dd/mm/yyyy, Vietnamese headers (unless lang=en)' })
  @IsOptional()
  @IsIn(['vi'])
  locale?: 'vi';

  @ApiPropertyOptional({ description: 'only events recorded by this system time (bitemporal): an ISO 8601 instant with any offset (none = UTC), e.g. 2026-12-01T09:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp' })
  @IsInstant()
  knownAt?: string;
}

export class GroupedReportDto extends ReportFiltersDto {
  @ApiPropertyOptional({ description: `comma-separated: ${GROUP_DIMENSIONS.join(', ')}`, example: 'board,origin' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(6)
  @IsIn(GROUP_DIMENSIONS, { each: true, message: `each groupBy must be one of ${GROUP_DIMENSIONS.join(', ')}` })
  groupBy?: GroupDimension[];
}

export class ValidProjectsQueryDto extends GroupedReportDto {
  @ApiPropertyOptional({ example: '2016-12-31', description: 'legal date; default today' }) @IsOptional() @IsLegalDate() asOf?: string;
}

export class ActivityQueryDto extends GroupedReportDto {
  @ApiPropertyOptional({ example: '2016-01-01' }) @IsLegalDate() from!: string;
  @ApiPropertyOptional({ example: '2016-12-31' }) @IsLegalDate() to!: string;
}

/** No act takes effect before the first investment law: a series starting earlier would be zeros. */
const NotBeforeEarliestLegalDate = () =>
  ValidateBy({ name: 'notBeforeEarliestLegalDate', validator: { validate: (value) => typeof value === 'string' && value >= EARLIEST_LEGAL_DATE, defaultMessage: () => `$property must be on or after ${EARLIEST_LEGAL_DATE} (Vietnam's first Law on Foreign Investment)` } });

/** A series of at most MAX_SERIES_INTERVALS intervals, counted from the request's own from and interval. */
const WithinSeriesBound = () =>
  ValidateBy({
    name: 'withinSeriesBound',
    validator: {
      validate: (value, args) => {
        const { from, interval } = args?.object as TimeseriesQueryDto;
        return typeof value !== 'string' || !(INTERVALS as readonly string[]).includes(interval) || typeof from !== 'string' || intervalCount(interval, from, value) <= MAX_SERIES_INTERVALS;
      },
      defaultMessage: (args) => {
        const { from, interval } = args?.object as TimeseriesQueryDto;
        return `$property: a series has at most ${MAX_SERIES_INTERVALS} intervals; ${from} to ${args?.value} by ${interval} has ${intervalCount(interval, from, args?.value)}`;
      },
    },
  });

export class TimeseriesQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: Object.keys(METRICS) }) @IsIn(Object.keys(METRICS)) metric!: Metric;
  @ApiPropertyOptional({ enum: INTERVALS }) @IsIn(INTERVALS) interval!: Interval;
  @ApiPropertyOptional({ example: '2016-01-01', description: `on or after ${EARLIEST_LEGAL_DATE}` }) @IsLegalDate() @NotBeforeEarliestLegalDate() from!: string;
  @ApiPropertyOptional({ example: '2016-12-31', description: `at most ${MAX_SERIES_INTERVALS} intervals after from` }) @IsLegalDate() @WithinSeriesBound() to!: string;
}

export class RegisterQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: ['VALID', 'TERMINATED'] }) @IsOptional() @IsIn(['VALID', 'TERMINATED']) status?: 'VALID' | 'TERMINATED';
  @ApiPropertyOptional({ example: '2016-12-31' }) @IsOptional() @IsLegalDate() asOf?: string;
  @ApiPropertyOptional({ description: 'search in project code and name' }) @IsOptional() @IsString() @Matches(/^.{1,100}$/u) q?: string;
  @ApiPropertyOptional({ enum: REGISTER_SORTS }) @IsOptional() @IsIn(REGISTER_SORTS) sort?: RegisterSort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ example: 50 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
