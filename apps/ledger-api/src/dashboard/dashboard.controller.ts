import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { vietnamDateOf } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import { Public } from '../auth/roles';
import { builtAssetsDir, sendAsset } from '../http/built-assets';
import { problem } from '../http/problem';
import { type Clock } from '../store/store.providers';
import { CLOCK, REFERENCE_DATA } from '../tokens';

/** dist/dashboard: the page, its styles and the bundle of apps/dashboard, written by scripts/build-dashboard.sh. */
export const dashboardAssetsDir = () => builtAssetsDir('dashboard', 'dashboard.js');

const ASSETS: Record<string, { file: () => string; type: string }> = {
  'dashboard.js': { file: () => join(dashboardAssetsDir(), 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.js.map': { file: () => join(dashboardAssetsDir(), 'dashboard.js.map'), type: 'application/json; charset=utf-8' },
  'dashboard.css': { file: () => join(dashboardAssetsDir(), 'dashboard.css'), type: 'text/css; charset=utf-8' },
  // Apache ECharts from node_modules: the machines have no internet, so no CDN.
  'echarts.min.js': { file: () => require.resolve('echarts/dist/echarts.min.js'), type: 'text/javascript; charset=utf-8' },
};

/**
 * The analysts' dashboard: a static page (no token needed to load it) that calls /api/v1 with the
 * bearer token the user pastes or passes as #token=… in the URL. Files are read and sent as bytes,
 * so where the ledger is installed (a folder with a dot in its path) never matters.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  page(@Res() res: Response): void {
    sendAsset(res, join(dashboardAssetsDir(), 'index.html'), 'text/html; charset=utf-8');
  }

  /**
   * Regions, provinces, boards and zones for the filter lists (public reference data, no figures),
   * and the ledger's today, the date "current units" mean.
   */
  @Get('reference.json')
  referenceData() {
    const { regions, provinces, boards, zones, version } = this.reference.data;
    const unit = ({ id, name, nameVi, validFrom, validTo }: { id: string; name: string; nameVi: string; validFrom: string; validTo: string | null }) => ({ id, name, nameVi, validFrom, validTo });
    return {
      version,
      today: vietnamDateOf(this.clock()),
      regions: regions.map((r) => ({ ...unit(r), provinceIds: r.provinceIds })),
      provinces: provinces.map(unit),
      boards: boards.map((b) => ({ ...unit(b), provinceId: b.provinceId, successorId: b.successorId })),
      zones: zones.map((z) => ({ id: z.id, name: z.name, nameVi: z.nameVi, boardId: z.boardId, kind: z.kind })),
    };
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException(problem(404, 'NOT_FOUND', 'Not found', `no dashboard asset ${file}`));
    sendAsset(res, asset.file(), asset.type);
  }
}
