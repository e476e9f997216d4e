import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { checkRateTable, type FilingDeadlines, type RateTable } from '@ledger/reporting';
import { OPERATIONS_CONFIG } from '../tokens';


export interface OperationsConfig {
  rates: RateTable;
  deadlines: FilingDeadlines;
}

const readJson = (file: string): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
};

function checkDeadlines(value: unknown, source: string): FilingDeadlines {
  const d = value as Partial<Record<'quarter' | 'year', { monthsAfterPeriodEnd?: unknown; day?: unknown }>> | undefined;
  for (const kind of ['quarter', 'year'] as const) {
    const rule = d?.[kind];
    const ok = rule && Number.isInteger(rule.monthsAfterPeriodEnd) && (rule.monthsAfterPeriodEnd as number) >= 0 && Number.isInteger(rule.day) && (rule.day as number) >= 1 && (rule.day as number) <= 31;
    if (!ok) throw new Error(`${source}: deadlines.${kind} needs monthsAfterPeriodEnd (≥ 0) and day (1–31)`);
  }
  return d as FilingDeadlines;
}

/** Exchange rates per period and filing deadlines, read once at start from config/ (a bad file stops start-up naming it). */
export function loadOperationsConfig(dir = 'config'): OperationsConfig {
  const ratesFile = join(dir, 'exchange-rates.json');
  const deadlinesFile = join(dir, 'enterprise-reports.json');
  return { rates: checkRateTable(readJson(ratesFile), ratesFile), deadlines: checkDeadlines(readJson(deadlinesFile).deadlines, deadlinesFile) };
}

export const operationsConfigProvider: Provider = { provide: OPERATIONS_CONFIG, useFactory: () => loadOperationsConfig() };
