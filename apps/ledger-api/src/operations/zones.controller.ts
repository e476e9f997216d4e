import { BadRequestException, Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { importReferenceZones, recordZoneAct, type ZoneAct } from '@ledger/ledger';
import { problem } from '../http/problem';
import { READERS, Roles } from '../auth/roles';
import { ReportScope } from '../reports/report-scope';
import { exported, zonesTable } from './export';
import { EstablishZoneDto, ReferenceZoneImportDto, WastewaterPlantDto, ZoneAreasChangeDto, ZoneParamsDto, ZoneStatusDto, ZonesQueryDto } from './zone.dto';
import { LedgerWriteController } from './ledger-write';
import { ZonesReportQuery } from './report-queries';
import { ResponseFormats } from '../reports/export/exportable';
import { CachedReport } from '../reports/report-cache.interceptor';

const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

@ApiTags('zones')
@ApiBearerAuth()
@Controller()
export class ZonesController extends LedgerWriteController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
  ) {
    super();
  }

  private async run(act: ZoneAct, req: Request, res: Response) {
    return (await this.write(act.type, (deps, context) => recordZoneAct(deps, act, context), req, res)).reply;
  }

  @Post('zones')
  @Roles('officer')
  @ApiOperation({ summary: 'Record a zone’s establishment decision (planned from that date) with its natural area and leasable industrial land' })
  establish(@Body() dto: EstablishZoneDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'EstablishZone', zoneId: dto.zoneId, data: plain(dto) }, req, res);
  }

  @Post('zones/:zoneId/status')
  @Roles('officer')
  @ApiOperation({ summary: 'The zone starts building its infrastructure, or operating, from a date' })
  status(@Param() p: ZoneParamsDto, @Body() dto: ZoneStatusDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'ChangeZoneStatus', zoneId: p.zoneId, data: plain(dto) }, req, res);
  }

  @Post('zones/:zoneId/areas')
  @Roles('officer')
  @ApiOperation({ summary: 'New natural area and leasable industrial land from a date (planning adjustment)' })
  areas(@Param() p: ZoneParamsDto, @Body() dto: ZoneAreasChangeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'ChangeZoneAreas', zoneId: p.zoneId, data: plain(dto) }, req, res);
  }

  @Post('zones/:zoneId/wastewater-plant')
  @Roles('officer')
  @ApiOperation({ summary: 'The zone’s central wastewater treatment plant operates from a date' })
  wastewater(@Param() p: ZoneParamsDto, @Body() dto: WastewaterPlantDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'StartWastewaterPlant', zoneId: p.zoneId, data: plain(dto) }, req, res);
  }

  @Post('zones/reference-import')
  @Roles('admin')
  @ApiOperation({ summary: 'Establish in the ledger every zone of config/reference-data/zones.json it does not hold yet (admin; can run again)' })
  async importReference(@Body() dto: ReferenceZoneImportDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (dto.operatingFrom !== undefined && dto.operatingFrom < dto.establishedOn) {
      throw new BadRequestException(problem(400, 'VALIDATION_FAILED', 'The request is invalid', `operatingFrom ${dto.operatingFrom} precedes establishedOn ${dto.establishedOn}`));
    }
    const result = await this.writeMany('ImportReferenceZones', (deps, context) => importReferenceZones(deps, plain(dto), context), req);
    res.status(result.established.length ? 201 : 200);
    return result;
  }

  @Get('reports/zones')
  @CachedReport()
  @ResponseFormats('json', 'csv', 'xlsx')
  @Roles(...READERS)
  @ApiTags('reports')
  @ApiOperation({ summary: 'Zones as of a date: by status with areas, wastewater plants, occupancy per zone and over operating zones' })
  async report(@Query() dto: ZonesQueryDto) {
    await this.scope.caughtUp(dto);
    const asOf = dto.asOf ?? this.scope.today();
    const { origin: _ignored, ...filters } = this.scope.filtersOf(dto);
    const report = await this.queries.execute(new ZonesReportQuery({ asOf, knownAt: dto.knownAt, filters, groupBy: dto.groupBy ?? [], ...this.scope.unitsFor(dto, asOf) }));
    return exported(dto.format, () => zonesTable(report, this.clock().toISOString())) ?? report;
  }
}
