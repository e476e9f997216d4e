import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { ZONE_GROUP_DIMENSIONS } from '@ledger/reporting';
import { ID_PATTERN } from '../projects/dto/certificate.dto';
import { IsLegalDate } from '../projects/dto/validators';
import { ReportFiltersDto } from '../reports/report-query.dto';

const HA = /^(0|[1-9]\d{0,6})(\.\d{1,2})?$/;
const HA_MESSAGE = '$property must be hectares as a decimal string with at most 2 decimals, e.g. "274.5"';
const ID_MESSAGE = '$property must be an identifier such as KCN-THANG-LONG';

class ZoneAreasDto {
  @ApiProperty({ example: '300' }) @IsString() @Matches(HA, { message: HA_MESSAGE }) naturalAreaHa!: string;
  @ApiProperty({ example: '210.5' }) @IsString() @Matches(HA, { message: HA_MESSAGE }) leasableLandHa!: string;
}

export class EstablishZoneDto extends ZoneAreasDto {
  @ApiProperty({ example: 'KCN-THANG-LONG' }) @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) zoneId!: string;
  @ApiProperty({ example: 'BQL-HN' }) @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) boardId!: string;
  @ApiProperty({ enum: ['KCN', 'KCX', 'KKT'] }) @IsIn(['KCN', 'KCX', 'KKT']) kind!: 'KCN' | 'KCX' | 'KKT';
  @ApiProperty({ example: 'KCN Thăng Long' }) @IsString() @Length(1, 200) nameVi!: string;
  @ApiProperty({ example: '1203/QĐ-TTg' }) @IsString() @Length(1, 200) decisionRef!: string;
  @ApiProperty({ example: '1997-11-26', description: 'date of the establishment decision' }) @IsLegalDate() decidedOn!: string;
}

export class ZoneStatusDto {
  @ApiProperty({ enum: ['BUILDING', 'OPERATING'] }) @IsIn(['BUILDING', 'OPERATING']) status!: 'BUILDING' | 'OPERATING';
  @ApiProperty({ example: '2016-06-15' }) @IsLegalDate() effectiveOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) decisionRef?: string;
}

export class ZoneAreasChangeDto extends ZoneAreasDto {
  @ApiProperty({ example: '2016-06-15' }) @IsLegalDate() effectiveOn!: string;
  @ApiProperty({ example: '45/QĐ-UBND' }) @IsString() @Length(1, 200) decisionRef!: string;
}

export class WastewaterPlantDto {
  @ApiProperty({ example: '2012-01-01' }) @IsLegalDate() effectiveOn!: string;
  @ApiPropertyOptional({ example: 4000 }) @IsOptional() @IsInt() @Min(1) capacityM3PerDay?: number;
}

export class ZoneParamsDto {
  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) zoneId!: string;
}

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class ZonesQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ example: '2016-12-31', description: 'legal date; default today' }) @IsOptional() @IsLegalDate() asOf?: string;
  @ApiPropertyOptional({ description: `comma-separated: ${ZONE_GROUP_DIMENSIONS.join(', ')}` })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(4)
  @IsIn(ZONE_GROUP_DIMENSIONS, { each: true, message: `each groupBy must be one of ${ZONE_GROUP_DIMENSIONS.join(', ')}` })
  groupBy?: (typeof ZONE_GROUP_DIMENSIONS)[number][];
}

export class ReferenceZoneImportDto {
  @ApiProperty({ example: '2016-01-01', description: 'the day from which the ledger records the zones (config/ has no decision dates)' }) @IsLegalDate() establishedOn!: string;
  @ApiPropertyOptional({ example: '2016-01-01', description: 'the imported zones operate from this day (not before establishedOn)' }) @IsOptional() @IsLegalDate() operatingFrom?: string;
}
