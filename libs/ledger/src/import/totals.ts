import type { Layout } from './acts';
import { CAPITAL_FIELDS } from './columns';
import { ImportCode } from './issues';
import { NumberFormatError, decimalOf, decimalText, type Decimal } from './numbers';
import type { RegisterSheet, SheetRow } from './read-sheet';
import type { RegisterRow, RowReader } from './rows';

const parse = (value: unknown): Decimal | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    return decimalOf(value);
  } catch (error) {
    if (error instanceof NumberFormatError) return undefined;
    throw error;
  }
};

const align = (a: Decimal, scale: number) => a.units * 10n ** BigInt(scale - a.scale);
const add = (a: Decimal, b: Decimal): Decimal => {
  const scale = Math.max(a.scale, b.scale);
  return { units: align(a, scale) + align(b, scale), scale };
};
const equal = (a: Decimal, b: Decimal) => add(a, { units: -b.units, scale: b.scale }).units === 0n;

/**
 * A totals row must equal the rows above it, column by column, exactly as typed: for a project register
 * the sum of every row; for a version register the sum of each project's latest version.
 */
export function checkTotals(sheet: RegisterSheet, rows: readonly RegisterRow[], layout: Layout, reader: RowReader): void {
  if (!sheet.totals) return;
  const byRow = new Map<number, SheetRow>(sheet.rows.map((r) => [r.row, r]));
  let counted: RegisterRow[] = rows.filter((r) => r.code !== undefined);
  if (layout === 'versions') {
    const latest = new Map<string, RegisterRow>();
    for (const r of counted) {
      const seen = latest.get(r.code as string);
      if (!seen || (r.adjustmentNo ?? 0) >= (seen.adjustmentNo ?? 0)) latest.set(r.code as string, r);
    }
    counted = [...latest.values()];
  }
  for (const field of CAPITAL_FIELDS) {
    const stated = parse(sheet.totals.cells.get(field));
    if (!stated) continue;
    const computed = counted.reduce<Decimal>((sum, r) => {
      const value = parse(byRow.get(r.row)?.cells.get(field));
      return value ? add(sum, value) : sum;
    }, { units: 0n, scale: 0 });
    if (!equal(stated, computed)) reader.issue(sheet.totals.row, field, ImportCode.TOTALS_MISMATCH, { stated: decimalText(stated), computed: decimalText(computed) });
  }
}
