#!/usr/bin/env node
// The ledger CLI from dist/, compiling first only when a TypeScript source is newer than the build
// (`npm run cli -- token …` used to recompile every time: 11 s). `npm run build` also updates dist/.
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist/apps/ledger-cli/src/main.js');
const SOURCES = ['apps', 'libs', 'test/scenarios', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time of the sources the server build compiles (front ends excluded: the CLI needs none). */
function newestSource(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(file) ? stat.mtimeMs : 0;
  if (/(^|\/)(node_modules|workspace|dashboard)$/.test(file) && file.startsWith(path.join(root, 'apps'))) return 0;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestSource(path.join(file, name))), 0);
}

const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (SOURCES.some((s) => newestSource(path.join(root, s)) > built)) {
  process.stderr.write('ledger-cli: sources changed since the last build, compiling (tsc)…\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
const cli = spawnSync(process.execPath, ['-r', path.join(root, 'config/register-paths.js'), entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(cli.status ?? 1);
