import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MONEY_PATTERNS, ORIGINS, SUSPENSION_GROUNDS, TERMINATION_GROUNDS, type Origin, type SuspensionGround, type TerminationGround } from '@ledger/domain';
import { CertificateDetailsDto } from './certificate.dto';
import { CertificateMoneyDto, MoneyDto } from './money.dto';
import { IsLegalDate } from './validators';

class DatedActDto {
  @ApiProperty({ example: '2017-06-01', description: 'legal effective date' })
  @IsLegalDate()
  effectiveOn!: string;
}

class DecisionDto extends DatedActDto {
  @ApiProperty({ example: '45/QĐ-BQL', description: 'number of the decision document' })
  @IsString()
  @Length(1, 200)
  decisionRef!: string;
}

class AdjustmentDto extends DatedActDto {
  @ApiProperty({ example: 'Mở rộng quy mô sản xuất' })
  @IsString()
  @Length(1, 4000)
  reason!: string;

  @ApiPropertyOptional({ example: '2101234567/ĐC-3' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  decisionRef?: string;
}

export class CapitalChangeDto extends AdjustmentDto {
  @ApiProperty({ type: CertificateMoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CertificateMoneyDto)
  amount!: CertificateMoneyDto;
}

export class CertificateChangesDto extends PartialType(CertificateDetailsDto) {
  @ApiPropertyOptional({ enum: ORIGINS })
  @IsOptional()
  @IsIn(ORIGINS)
  origin?: Origin;

  @ApiPropertyOptional({ example: '851063.00', description: 'required when the project becomes FDI' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.usd, { message: '$property must be a decimal string with at most 2 decimals' })
  registeredCapitalUsd?: string;

  @ApiPropertyOptional({ example: '23500' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.exchangeRate, { message: '$property must be a positive decimal string' })
  exchangeRate?: string;
}

export class AdjustCertificateDto extends AdjustmentDto {
  @ApiProperty({ type: CertificateChangesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CertificateChangesDto)
  changes!: CertificateChangesDto;
}

export class RealizedCapitalDto {
  @ApiProperty({ example: '2016-Q3', description: '2016, 2016-H1, 2016-Q3 or 2016-07' })
  @IsString()
  @Matches(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, { message: '$property must look like 2016, 2016-H1, 2016-Q3 or 2016-07' })
  period!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2016-10-15' })
  @IsLegalDate()
  reportedOn!: string;
}

export class SuspensionDto extends DecisionDto {
  @ApiProperty({ enum: SUSPENSION_GROUNDS, description: 'Law on Investment 2020 art. 47' })
  @IsIn(SUSPENSION_GROUNDS)
  ground!: SuspensionGround;
}

export class ResumptionDto extends DecisionDto {}

/** The investor's notice that the project has started operating (đi vào hoạt động). */
export class OperationStartDto extends DatedActDto {
  @ApiPropertyOptional({ example: '12/TB-ABC', description: "number of the investor's notice or report the start is recorded from" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  noticeRef?: string;
}

export class TerminationDto extends DecisionDto {
  @ApiProperty({ enum: TERMINATION_GROUNDS, description: 'Law on Investment 2020 art. 48' })
  @IsIn(TERMINATION_GROUNDS)
  ground!: TerminationGround;
}

export class CorrectionDto {
  @ApiProperty({ example: 3, description: 'stream version of the act to correct (see GET /projects/{code}/events)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  correctsVersion!: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'only the fields of the act that change (named as in its own request); the others stay as recorded' })
  @IsOptional()
  @IsObject()
  correctedData?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'true: read the act as never recorded (e.g. revoke a termination)' })
  @IsOptional()
  @IsBoolean()
  revoked?: boolean;

  @ApiProperty({ example: 'Nhập sai số vốn tăng' })
  @IsString()
  @Length(1, 4000)
  reason!: string;

  @ApiPropertyOptional({ example: '52/QĐ-BQL' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  decisionRef?: string;
}
