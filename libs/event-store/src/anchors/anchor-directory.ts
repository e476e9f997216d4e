import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { HeadDigest } from './head-digest';

/** The real path of `path`, or of its nearest existing ancestor plus the rest (so a symlink cannot hide where it points). */
function realish(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realish(parent), absolute.slice(parent.length + 1));
}

/** True when `path` is `dir` or lies inside it. */
export function isInside(path: string, dir: string): boolean {
  const p = realish(path);
  const d = realish(dir);
  return p === d || p.startsWith(d.endsWith(sep) ? d : d + sep);
}

const FILE = /^anchor-(\d{8}T\d{6}\.\d{3}Z)-p(\d+)-[0-9a-f]{8}\.json$/;

/**
 * An append-only directory of anchors, one file per digest, named by time so that the newest
 * sorts last. Files are created exclusively and never rewritten. It must live outside the log's
 * directory (checked by the configuration): whoever can rewrite the log should not also hold the
 * evidence against it.
 */
export class AnchorDirectory {
  constructor(readonly dir: string) {}

  write(digest: HeadDigest): string {
    mkdirSync(this.dir, { recursive: true });
    const stamp = digest.createdAt.replace(/[-:]/g, '');
    const name = `anchor-${stamp}-p${digest.position}-${randomBytes(4).toString('hex')}.json`;
    // Written aside and renamed: a crash mid-write leaves no half anchor under an anchor's name.
    const partial = join(this.dir, `.${name}.partial`);
    writeFileSync(partial, `${JSON.stringify(digest, null, 2)}\n`, { flag: 'wx' });
    renameSync(partial, join(this.dir, name));
    return join(this.dir, name);
  }

  /** The newest anchor by its file name (its signing time), or undefined when there is none yet. */
  latest(): { path: string; digest: HeadDigest } | undefined {
    if (!existsSync(this.dir)) return undefined;
    const names = readdirSync(this.dir).filter((n) => FILE.test(n)).sort();
    const name = names[names.length - 1];
    if (!name) return undefined;
    const path = join(this.dir, name);
    return { path, digest: readDigestFile(path) };
  }
}

export function readDigestFile(path: string): HeadDigest {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as HeadDigest;
  } catch (error) {
    throw new Error(`${path} is not a readable digest: ${(error as Error).message}`);
  }
}
