/**
 * Writes test/fixtures/sample-register.xlsx: a small version register of Bắc Giang's board (BQL-BG),
 * deterministic, for trying `ledger-cli import-register` and for the CLI test.
 *   node -r @swc-node/register -r tsconfig-paths/register scripts/make-sample-register.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReferenceData } from '@ledger/reference-data';
import { sampleVersionRegister } from '../apps/ledger-cli/src/register/sample-register';
import { workbookOf } from '../apps/ledger-cli/src/register/workbook';

async function main(): Promise<void> {
  const sheet = sampleVersionRegister(ReferenceData.load(), { boardId: 'BQL-BG', projects: 12, seed: 17, from: '2014-01-01', to: '2024-12-31' });
  const out = join(__dirname, '..', 'test', 'fixtures', 'sample-register.xlsx');
  writeFileSync(out, await workbookOf([sheet]));
  process.stdout.write(`${out}: ${sheet.rows.length} rows\n`);
}

void main();
