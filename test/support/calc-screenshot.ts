/**
 * Opt-in (`npm run screenshot:calc`): exports for people rendered by LibreOffice Calc as an analyst
 * would print them. Seeds a ledger, downloads the activity and register XLSX (lang=vi), converts
 * them to PDF with Debian's libreoffice-calc (headless), then the first page to PNG with pdftoppm,
 * into test/artifacts/; docs/calc-register.png is refreshed when missing or UPDATE_DOCS_SCREENSHOT=1.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_NOW, seedScenario } from '../browser/seed-scenario';
import { bearer, startLedgerServer } from './ledger-server';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

function run(command: string, args: string[]): void {
  // A Vietnamese locale, so Calc shows 1.202.845.678,90 and dd/mm/yyyy as a Vietnamese analyst sees them.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8', HOME: join(ARTIFACTS, '.lo-home') } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

async function main(): Promise<void> {
  for (const tool of [SOFFICE, '/usr/bin/pdftoppm']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: bash scripts/install-debian-packages.sh libreoffice-calc:/usr/bin/soffice poppler-utils:/usr/bin/pdftoppm`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startLedgerServer({}, SCENARIO_NOW);
  try {
    const { position } = await seedScenario(server.baseUrl);
    const files = {
      'calc-activity': '/api/v1/reports/activity?from=2016-01-01&to=2016-12-31&groupBy=board&format=xlsx&lang=vi',
      'calc-register': '/api/v1/projects?sort=projectCode&format=xlsx&lang=vi',
    };
    for (const [name, path] of Object.entries(files)) {
      const response = await fetch(`${server.baseUrl}${path}&minPosition=${position}`, { headers: bearer('analyst') });
      if (!response.ok) throw new Error(`${path} → ${response.status}`);
      const xlsx = join(ARTIFACTS, `${name}.xlsx`);
      writeFileSync(xlsx, Buffer.from(await response.arrayBuffer()));
      run(SOFFICE, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', ARTIFACTS, xlsx]);
      run('/usr/bin/pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', join(ARTIFACTS, `${name}.pdf`), join(ARTIFACTS, name)]);
      process.stdout.write(`${join(ARTIFACTS, `${name}.png`)}\n`);
    }
    const docs = join(ROOT, 'docs', 'calc-register.png');
    if (!existsSync(docs) || process.env.UPDATE_DOCS_SCREENSHOT === '1') copyFileSync(join(ARTIFACTS, 'calc-register.png'), docs);
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
