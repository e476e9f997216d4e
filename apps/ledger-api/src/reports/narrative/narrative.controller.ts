import { Controller, Get, Inject, InternalServerErrorException, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import type { ReferenceData } from '@ledger/reference-data';
import { READERS, Roles } from '../../auth/roles';
import { type Clock } from '../../store/store.providers';
import { filtersInWords } from '../filters-in-words';
import { problem } from '../../http/problem';
import { IsLegalDate } from '../../projects/dto/validators';
import { ReportFiltersDto } from '../report-query.dto';
import { ReportScope } from '../report-scope';
import { ActivityReportQuery, ValidProjectsReportQuery } from '../report.queries';
import { NARRATIVE_LANGS, TemplateError, loadTemplate, narrativeDir, narrativeValues, renderTemplate, type NarrativeInput } from './narrative';
import { narrativeDocx } from './narrative-docx';
import type { Lang } from '@ledger/labels';
import { ResponseFormats } from '../export/exportable';
import { CLOCK, REFERENCE_DATA } from '../../tokens';

export class NarrativeQueryDto extends OmitType(ReportFiltersDto, ['format', 'lang', 'locale'] as const) {
  @ApiPropertyOptional({ example: '2016-01-01' }) @IsLegalDate() from!: string;
  @ApiPropertyOptional({ example: '2016-12-31' }) @IsLegalDate() to!: string;
  @ApiPropertyOptional({ enum: NARRATIVE_LANGS, default: 'vi' }) @IsOptional() @IsIn(NARRATIVE_LANGS) lang?: Lang;
  @ApiPropertyOptional({ enum: ['json', 'text', 'docx'], default: 'json', description: 'text: the paragraph alone, text/plain; docx: a Word document with a title, the period and filters' })
  @IsOptional()
  @IsIn(['json', 'text', 'docx'])
  format?: 'json' | 'text' | 'docx';
}

/**
 * The paragraph the boards publish ("có 375 dự án được cấp mới GCNĐKĐT …"), rendered from the
 * activity and valid-projects figures through the board-editable templates in config/narrative/.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(...READERS)
@Controller()
export class NarrativeController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('reports/narrative')
  @ResponseFormats('json', 'text', 'docx')
  @ApiOperation({ summary: 'Report paragraph (vi/en) from the period activity and the valid projects at its end' })
  async narrative(@Query() dto: NarrativeQueryDto, @Res({ passthrough: true }) res: Response) {
    this.scope.requireOrderedPeriod(dto.from, dto.to);
    await this.scope.caughtUp(dto);
    const lang: Lang = dto.lang ?? 'vi';
    const filters = this.scope.filtersOf(dto);
    const units = this.scope.unitsFor(dto, dto.to);
    const [activity, valid] = await Promise.all([
      this.queries.execute(new ActivityReportQuery({ from: dto.from, to: dto.to, knownAt: dto.knownAt, filters, groupBy: [], ...units })),
      this.queries.execute(new ValidProjectsReportQuery({ asOf: dto.to, knownAt: dto.knownAt, filters, groupBy: [], ...units })),
    ]);
    const input: NarrativeInput = { lang, from: dto.from, to: dto.to, filters, activity: activity.total as never, valid: valid.total };
    let text: string;
    try {
      const template = loadTemplate(lang, narrativeDir(), filters.origin);
      text = renderTemplate(template.text, narrativeValues(input, this.reference), template.file);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new InternalServerErrorException(problem(500, 'NARRATIVE_TEMPLATE_INVALID', 'The narrative template cannot be used', error.message));
    }
    if (dto.format === 'docx') {
      const docx = await narrativeDocx({ lang, from: dto.from, to: dto.to, scope: filtersInWords(filters, this.reference, lang), text, generatedAt: this.clock().toISOString() });
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      res.setHeader('Content-Disposition', `attachment; filename="narrative-${dto.from}-${dto.to}.docx"`);
      return new StreamableFile(docx);
    }
    if (dto.format === 'text') {
      res.type('text/plain; charset=utf-8');
      return `${text}\n`;
    }
    return {
      text,
      lang,
      from: dto.from,
      to: dto.to,
      ...(dto.knownAt ? { knownAt: dto.knownAt } : {}),
      filters,
      figures: { activity: { samePeriodLastYear: activity.samePeriodLastYear, ...activity.total }, validProjects: { asOf: dto.to, ...valid.total } },
    };
  }
}
