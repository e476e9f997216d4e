import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRESENTATIONS, type Presentation } from '@ledger/reporting';
import { ActivityQueryDto } from '../reports/report-query.dto';

export class OperationsQueryDto extends ActivityQueryDto {

  @ApiPropertyOptional({ enum: PRESENTATIONS, description: 'byOrigin: FDI in USD, DDI in VND (default); oneCurrency: revenue and budget in VND, exports and imports in USD for everyone' })
  @IsOptional()
  @IsIn(PRESENTATIONS)
  presentation?: Presentation;
}

