import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ORIGINS, type Origin } from '@ledger/domain';
import { GROUP_DIMENSIONS, INTERVALS, METRICS, REGISTER_SORTS, type GroupDimension, type Interval, type Metric, type RegisterSort } from '@ledger/reporting';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';
import { toInt } from '../http/query-transforms';

const ID_MESSAGE = '$property must be an identifier such as BQL-BG';
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

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

  @ApiPropertyOptional({ description: 'only events recorded by this system time (bitemporal)', example: '2017-03-15T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 timestamp' })
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

export class TimeseriesQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: Object.keys(METRICS) }) @IsIn(Object.keys(METRICS)) metric!: Metric;
  @ApiPropertyOptional({ enum: INTERVALS }) @IsIn(INTERVALS) interval!: Interval;
  @ApiPropertyOptional({ example: '2016-01-01' }) @IsLegalDate() from!: string;
  @ApiPropertyOptional({ example: '2016-12-31' }) @IsLegalDate() to!: string;
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
