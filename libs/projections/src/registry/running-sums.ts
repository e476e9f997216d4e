import type Database from 'better-sqlite3';
import { addDays, type LegalDate } from '@ledger/domain';
import { statement } from '../runner/statements';

/** A fact's contribution to the running sums of its group. */
export interface SumsOfFact {
  on: LegalDate;
  kind: string;
  board_id: string;
  zone_id: string;
  origin: string;
  valid: bigint;
  reg_vnd: bigint;
  reg_usd: bigint;
  realized_vnd: bigint;
  realized_usd: bigint;
}

interface Delta extends Omit<SumsOfFact, 'on'> {
  monthEnd: LegalDate;
  n: bigint;
}

/** Adds the inserted sums to those already at a month end. */
const ADD_TO_SUMS = `ON CONFLICT (as_of, kind, board_id, zone_id, origin) DO UPDATE SET n = n + excluded.n, valid = valid + excluded.valid, reg_vnd = reg_vnd + excluded.reg_vnd,
  reg_usd = reg_usd + excluded.reg_usd, realized_vnd = realized_vnd + excluded.realized_vnd, realized_usd = realized_usd + excluded.realized_usd`;

/**
 * The month-end running sums (facts_cumulative) a batch of facts adds, summed in memory per month
 * end and group and written once: every month end is a fact's month end, so a fact dated D counts
 * at every month end on or after the end of D's month.
 */
export class RunningSumsDelta {
  private readonly deltas = new Map<string, Delta>();

  add(fact: SumsOfFact): void {
    const monthEnd = monthEndOf(fact.on);
    const key = `${monthEnd}|${fact.kind}|${fact.board_id}|${fact.zone_id}|${fact.origin}`;
    const delta = this.deltas.get(key);
    if (!delta) {
      const { on: _on, ...sums } = fact;
      this.deltas.set(key, { ...sums, monthEnd, n: 1n });
      return;
    }
    delta.n += 1n;
    delta.valid += fact.valid;
    delta.reg_vnd += fact.reg_vnd;
    delta.reg_usd += fact.reg_usd;
    delta.realized_vnd += fact.realized_vnd;
    delta.realized_usd += fact.realized_usd;
  }

  /**
   * New month ends first, each starting from the sums at the month end before it (no earlier fact
   * lies between the two), then every delta added to its month end and all later ones.
   */
  write(db: Database.Database): void {
    if (this.deltas.size === 0) return;
    const monthEnds = new Set([...this.deltas.values()].map((d) => d.monthEnd));
    for (const monthEnd of monthEnds) {
      if (statement(db, 'INSERT OR IGNORE INTO facts_month_ends VALUES (?)').run(monthEnd).changes === 0) continue;
      statement(
        db,
        `INSERT INTO facts_cumulative SELECT @monthEnd, kind, board_id, zone_id, origin, n, valid, reg_vnd, reg_usd, realized_vnd, realized_usd
         FROM facts_cumulative WHERE as_of = (SELECT MAX(as_of) FROM facts_month_ends WHERE as_of < @monthEnd)`,
      ).run({ monthEnd });
    }
    const add = statement(
      db,
      `INSERT INTO facts_cumulative SELECT as_of, @kind, @board_id, @zone_id, @origin, @n, @valid, @reg_vnd, @reg_usd, @realized_vnd, @realized_usd
       FROM facts_month_ends WHERE as_of >= @monthEnd ${ADD_TO_SUMS}`,
    );
    for (const delta of this.deltas.values()) add.run(delta);
    this.deltas.clear();
  }
}

/** A correction's cancellations (at its position, the facts it had derived not yet there) take their facts out of the running sums. */
export function cancelInRunningSums(db: Database.Database, position: bigint): void {
  statement(
    db,
    `INSERT INTO facts_cumulative
     SELECT m.as_of, f.kind, f.board_id, f.zone_id, f.origin, SUM(f.sign), SUM(f.valid_delta), SUM(f.reg_vnd), SUM(f.reg_usd), SUM(f.realized_vnd), SUM(f.realized_usd)
     FROM facts f JOIN facts_month_ends m ON m.as_of >= f.effective_on WHERE f.position = ?
     GROUP BY m.as_of, f.kind, f.board_id, f.zone_id, f.origin ${ADD_TO_SUMS}`,
  ).run(position);
}

const monthEnds = new Map<string, LegalDate>();
/** The last day of the date's month (memoised: the projection asks once per fact). */
function monthEndOf(date: LegalDate): LegalDate {
  const month = date.slice(0, 7);
  let end = monthEnds.get(month);
  if (!end) monthEnds.set(month, (end = addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1)));
  return end;
}
