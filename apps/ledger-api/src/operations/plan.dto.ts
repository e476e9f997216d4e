import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { MONEY_PATTERNS } from '@ledger/domain';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';
import { ReportFiltersDto } from '../reports/report-query.dto';

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,4})?$/;
const VND = '$property must be a whole number of đồng as a decimal string';
const USD = '$property must be a decimal string with at most 2 decimals';

export class PlanIndicatorDto {
  @ApiProperty({ example: 'LAND_CLEARED' }) @IsString() @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: '$property must be upper case letters, digits and _' }) code!: string;
  @ApiProperty({ example: 'Giải phóng mặt bằng' }) @IsString() @Length(1, 200) label!: string;
  @ApiProperty({ example: 'ha' }) @IsString() @Length(1, 20) unit!: string;
  @ApiProperty({ example: '120.5' }) @IsString() @Matches(DECIMAL, { message: '$property must be a non-negative decimal string' }) target!: string;
}

export class PlanTargetsDto {
  @ApiPropertyOptional({ example: 20 }) @IsOptional() @IsInt() newProjects?: number;
  @ApiPropertyOptional({ example: '500000000.00' }) @IsOptional() @IsString() @Matches(MONEY_PATTERNS.usd, { message: USD }) newAndAddedCapitalUsd?: string;
  @ApiPropertyOptional({ example: '3000000000000' }) @IsOptional() @IsString() @Matches(MONEY_PATTERNS.vnd, { message: VND }) newAndAddedCapitalVnd?: string;
  @ApiPropertyOptional({ example: '8000000000000' }) @IsOptional() @IsString() @Matches(MONEY_PATTERNS.vnd, { message: VND }) revenueVnd?: string;
  @ApiPropertyOptional({ example: '5000000000.00' }) @IsOptional() @IsString() @Matches(MONEY_PATTERNS.usd, { message: USD }) exportValueUsd?: string;
  @ApiPropertyOptional({ example: '500000000000' }) @IsOptional() @IsString() @Matches(MONEY_PATTERNS.vnd, { message: VND }) budgetPaidVnd?: string;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() newJobs?: number;
  @ApiPropertyOptional({ type: [PlanIndicatorDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => PlanIndicatorDto) indicators?: PlanIndicatorDto[];
  @ApiPropertyOptional({ example: '125/QĐ-UBND' }) @IsOptional() @IsString() @Length(1, 200) decisionRef?: string;
}

export class IndicatorActualDto {
  @ApiProperty({ example: 'LAND_CLEARED' }) @IsString() @Length(1, 40) code!: string;
  @ApiProperty({ example: '2016-Q1', description: 'a month (2016-07) or quarter (2016-Q3) of the plan year' }) @IsString() @Length(6, 7) period!: string;
  @ApiProperty({ example: '30.25' }) @IsString() @Matches(DECIMAL, { message: '$property must be a non-negative decimal string' }) value!: string;
}

export class PlanParamsDto {
  @IsString() @Matches(ID_PATTERN, { message: '$property must be an identifier such as BQL-BG' }) boardId!: string;
  @IsString() @Matches(/^\d{4}$/, { message: '$property must be a year such as 2016' }) year!: string;
}

/** The usual report parameters; `boardId` is required here (checked by the controller, the shared filter keeps it optional). */
export class PlanQueryDto extends ReportFiltersDto {
  @ApiProperty({ example: '2016' }) @IsString() @Matches(/^\d{4}$/, { message: '$property must be a year such as 2016' }) year!: string;
  @ApiPropertyOptional({ example: '2016-06-30', description: 'end of the year-to-date period; default the year end (or today, if earlier)' }) @IsOptional() @IsLegalDate() to?: string;
}
