import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Response } from 'express';

/**
 * A front end's folder under dist/ (written by `npm run build`, which `npm start` and `npm test` run
 * first): beside the compiled server, or under the working directory when run from the sources (jest).
 */
export function builtAssetsDir(folder: string, marker: string): string {
  const candidates = [resolve(__dirname, '../../../..', folder), resolve('dist', folder)];
  const found = candidates.find((dir) => existsSync(join(dir, marker)));
  if (!found) throw new Error(`the ${folder} front end is not built (looked in ${candidates.join(', ')}): run npm run build`);
  return found;
}

/**
 * A file read and sent as bytes. Not express's sendFile: its dotfiles rule looks at the whole path,
 * so an install under ~/.cache/… would answer 404.
 */
export function sendAsset(res: Response, file: string, type: string): void {
  res.type(type).setHeader('Cache-Control', 'no-cache');
  res.send(readFileSync(file));
}
