import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRESENTATIONS, type Presentation } from '@ledger/reporting';
import { NARRATIVE_LANGS } from '../reports/narrative/narrative';
import type { Lang } from '../reports/narrative/number-format';
import { ActivityQueryDto } from '../reports/report-query.dto';

export class OperationsQueryDto extends ActivityQueryDto {
  @ApiPropertyOptional({ enum: NARRATIVE_LANGS, default: 'vi', description: 'language of the narrative paragraph' }) @IsOptional() @IsIn(NARRATIVE_LANGS) lang?: Lang;

  @ApiPropertyOptional({ enum: PRESENTATIONS, description: 'byOrigin: FDI in USD, DDI in VND (default); oneCurrency: revenue and budget in VND, exports and imports in USD for everyone' })
  @IsOptional()
  @IsIn(PRESENTATIONS)
  presentation?: Presentation;
}

