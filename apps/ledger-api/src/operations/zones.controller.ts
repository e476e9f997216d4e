import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ZoneState } from '@ledger/domain';
import type { CommandOutcome, ZoneAct } from '@ledger/ledger';
import { READERS, Roles } from '../auth/roles';
import { requestContextOf } from '../http/request-context';
import { ReportScope } from '../reports/report-scope';
import { CLOCK, type Clock } from '../store/store.providers';
import { EstablishZoneDto, WastewaterPlantDto, ZoneAreasChangeDto, ZoneParamsDto, ZoneStatusDto, ZonesQueryDto } from './zone.dto';
import { RecordZoneActCommand, ZonesReportQuery } from './zones.handlers';

const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto));

@ApiTags('zones')
@ApiBearerAuth()
@Controller()
export class ZonesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ReportScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async run(act: ZoneAct, req: Request, res: Response) {
    const outcome = await this.commands.execute<RecordZoneActCommand, CommandOutcome<ZoneState>>(new RecordZoneActCommand(act, requestContextOf(req, this.clock())));
    if (outcome.dryRun) res.status(200);
    else res.locals.ledger = { command: act.type, stream: outcome.streamId, position: outcome.position.toString() };
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return { zoneId: act.zoneId, streamVersion: Number(outcome.streamVersion), position: outcome.position.toString(), events: outcome.events, replayed: outcome.replayed, dryRun: outcome.dryRun };
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

  @Get('reports/zones')
  @Roles(...READERS)
  @ApiTags('reports')
  @ApiOperation({ summary: 'Zones as of a date: by status with areas, wastewater plants, occupancy per zone and over operating zones' })
  async report(@Query() dto: ZonesQueryDto) {
    await this.scope.caughtUp(dto);
    const asOf = dto.asOf ?? this.scope.today();
    const { origin: _ignored, ...filters } = this.scope.filtersOf(dto);
    return this.queries.execute(new ZonesReportQuery({ asOf, knownAt: dto.knownAt, filters, groupBy: dto.groupBy ?? [], ...this.scope.unitsFor(dto, asOf) }));
  }
}
