import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ORIGINS, PROJECT_CODE_PATTERN, type Origin } from '@ledger/domain';
import { CertificateMoneyDto } from './money.dto';
import { HasRateWhenFdi, IsLegalDate } from './validators';

export const ID_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const ID_MESSAGE = '$property must be an identifier of capital letters, digits and dashes, e.g. "BQL-BG"';
const AREA_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export class InvestorDto {
  @ApiProperty({ example: 'ABC Electronics Co., Ltd.' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code, e.g. "KR"' })
  country!: string;
}

/** Certificate content that a later adjustment may change; every field optional there. */
export class CertificateDetailsDto {
  @ApiProperty({ example: 'Nhà máy linh kiện điện tử ABC' })
  @IsString()
  @Length(1, 500)
  projectName!: string;

  @ApiProperty({ type: [InvestorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvestorDto)
  investors!: InvestorDto[];

  @ApiProperty({ example: 'KCN-THANG-LONG' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  zoneId!: string;

  @ApiPropertyOptional({ example: '50000', description: 'land area in m², decimal string' })
  @IsOptional()
  @IsString()
  @Matches(AREA_PATTERN, { message: '$property must be a decimal string of square metres, e.g. "50000.5"' })
  landAreaM2?: string;

  @ApiProperty({ example: 'Sản xuất linh kiện điện tử' })
  @IsString()
  @Length(1, 4000)
  objectives!: string;

  @ApiProperty({ example: 50 })
  @IsInt()
  @Min(1)
  @Max(70)
  durationYears!: number;

  @ApiPropertyOptional({ example: 'Quý IV/2017 đi vào hoạt động' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  implementationSchedule?: string;
}

export class IssueCertificateDto extends CertificateDetailsDto {
  @ApiProperty({ example: '2101234567', description: '10 digits, or a legacy 12-digit certificate number / licence number such as 123/GP' })
  @IsString()
  @Matches(PROJECT_CODE_PATTERN, { message: '$property must be 10 digits, a legacy 12-digit certificate number or a licence number like 123/GP' })
  projectCode!: string;

  @ApiProperty({ example: 'BQL-HN' })
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  boardId!: string;

  @ApiProperty({ enum: ORIGINS })
  @IsIn(ORIGINS)
  origin!: Origin;

  @ApiProperty({ type: CertificateMoneyDto })
  @IsDefined()
  @ValidateNested()
  @HasRateWhenFdi()
  @Type(() => CertificateMoneyDto)
  registeredCapital!: CertificateMoneyDto;

  @ApiProperty({ example: '2016-03-15' })
  @IsLegalDate()
  issuedOn!: string;
}
