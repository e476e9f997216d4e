import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MONEY_PATTERNS } from '@ledger/domain';
import { IsLegalDate } from '../projects/dto/validators';

/** A figure as filed: VND, USD or both (the decider requires at least one). */
export class FiledMoneyDto {
  @ApiPropertyOptional({ example: '129873000000000' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.vnd, { message: '$property must be a whole, non-negative number of đồng as a decimal string' })
  vnd?: string;

  @ApiPropertyOptional({ example: '46643500000.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.usd, { message: '$property must be a non-negative decimal string with at most 2 decimals' })
  usd?: string;
}

const money = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: FiledMoneyDto })(target, key);
  IsOptional()(target, key);
  ValidateNested()(target, key);
  Type(() => FiledMoneyDto)(target, key);
};

export class EnterpriseReportDto {
  @ApiProperty({ example: '2101234567' }) @IsString() projectCode!: string;

  @ApiProperty({ example: '2016', description: 'a year (2016) or a quarter (2016-Q3)' })
  @IsString()
  @Matches(/^\d{4}(-Q[1-4])?$/, { message: '$property must be a year (2016) or a quarter (2016-Q3)' })
  period!: string;

  @ApiProperty({ example: '2017-01-20', description: 'the day the enterprise filed the report' }) @IsLegalDate() filedOn!: string;

  @money() revenue?: FiledMoneyDto;
  @money() exportValue?: FiledMoneyDto;
  @money() importValue?: FiledMoneyDto;
  @money() budgetPaid?: FiledMoneyDto;

  // Whole numbers here; their sign is a business rule of the decider (FIGURE_NEGATIVE, 422).
  @ApiProperty({ example: 420, description: 'employees at the end of the period' }) @IsInt() employees!: number;
  @ApiPropertyOptional({ example: 12, description: 'of which foreigners' }) @IsOptional() @IsInt() foreignEmployees?: number;
  @ApiPropertyOptional({ example: 35, description: 'jobs created in the period' }) @IsOptional() @IsInt() newJobs?: number;
}
