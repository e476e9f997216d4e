import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { MONEY_PATTERNS } from '@ledger/domain';

const VND_MESSAGE = '$property must be a whole number of đồng written as a decimal string, e.g. "1250000000"';
const USD_MESSAGE = '$property must be a decimal string with at most 2 decimals, e.g. "400000.00"';

export class MoneyDto {
  @ApiProperty({ example: '23500000000', description: 'VND, decimal string' })
  @IsString()
  @Matches(MONEY_PATTERNS.vnd, { message: VND_MESSAGE })
  vnd!: string;

  @ApiPropertyOptional({ example: '1000000.00', description: 'USD equivalent, required for FDI, absent for DDI' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.usd, { message: USD_MESSAGE })
  usd?: string;
}

export class CertificateMoneyDto extends MoneyDto {
  @ApiPropertyOptional({ example: '23500', description: 'VND per USD as printed on the certificate (FDI)' })
  @IsOptional()
  @IsString()
  @Matches(MONEY_PATTERNS.exchangeRate, { message: '$property must be a positive decimal string, e.g. "23500"' })
  exchangeRate?: string;
}
