import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles';
import { builtAssetsDir, sendAsset } from '../http/built-assets';
import { problem } from '../http/problem';
import { type LedgerConfig } from '../config/ledger-config';
import { LEDGER_CONFIG } from '../tokens';

/** dist/workspace, written by scripts/build-workspace.sh. */
export const workspaceAssetsDir = () => builtAssetsDir('workspace', 'workspace.js');

const ASSETS: Record<string, string> = {
  'workspace.js': 'text/javascript; charset=utf-8',
  'workspace.js.map': 'application/json; charset=utf-8',
  'workspace.css': 'text/css; charset=utf-8',
};

/**
 * The officers' workspace: a static page and its bundle (no token needed to load them); the page calls
 * /api/v1 with the signed-in person's token. Files are read and sent as bytes, so where the ledger is
 * installed (a folder with a dot in its path) never matters.
 */
@ApiExcludeController()
@Public()
@Controller('workspace')
export class WorkspaceController {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  /** Where the page signs in: the issuer and the public client id (nothing secret); `{}` without an issuer (token paste). */
  @Get('config.json')
  signInConfig(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(this.config.oidc ? { issuer: this.config.oidc.issuer, clientId: this.config.oidc.clientId } : {});
  }

  @Get()
  page(@Res() res: Response): void {
    sendAsset(res, join(workspaceAssetsDir(), 'index.html'), 'text/html; charset=utf-8');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const type = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) throw new NotFoundException(problem(404, 'NOT_FOUND', 'Not found', `no workspace asset ${file}`));
    sendAsset(res, join(workspaceAssetsDir(), file), type);
  }
}
