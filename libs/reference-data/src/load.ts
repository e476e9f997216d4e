import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ReferenceDataError, type ReferenceDataSet } from './types';

export const FILES = ['provinces.json', 'boards.json', 'zones.json', 'regions.json', 'version.json'] as const;

/**
 * Reads the reference-data files of `dir` (relative to the working directory unless absolute).
 * The version is version.json's `version` plus the first 8 hex digits of a sha256 over all files,
 * so any edit to the data changes the version recorded with each event.
 */
export function readReferenceFiles(dir: string): ReferenceDataSet {
  const root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  const texts: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const file of FILES) {
    let text: string;
    try {
      text = readFileSync(resolve(root, file), 'utf8');
    } catch (error) {
      throw new ReferenceDataError(`${dir}/${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) from ${root}`);
    }
    try {
      parsed[file] = JSON.parse(text);
    } catch (error) {
      throw new ReferenceDataError(`${dir}/${file}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
    }
    texts.push(`${file}\n${text}`);
  }
  const head = parsed['version.json'] as { version?: unknown } | null;
  if (typeof head !== 'object' || head === null || typeof head.version !== 'string' || !head.version.trim())
    throw new ReferenceDataError(`${dir}/version.json: version must be a non-empty string`);
  const digest = createHash('sha256').update(texts.join('\n')).digest('hex').slice(0, 8);
  return {
    version: `${head.version}+${digest}`,
    provinces: parsed['provinces.json'],
    boards: parsed['boards.json'],
    zones: parsed['zones.json'],
    regions: parsed['regions.json'],
  } as ReferenceDataSet;
}
