import type Database from 'better-sqlite3';
import { monthEndOf, type LegalDate } from '@ledger/domain';
import { insertRows } from '../runner/insert-rows';
import { statement } from '../runner/statements';

/** A fact's contribution to the running sums of its group. */
export interface SumsOfFact {
  on: LegalDate;
  kind: string;
  board_id: string;
  zone_id: string;
  origin: string;
  country: string;
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

/**
 * The running sums are kept three times: per zone (facts_cumulative); per board with its zones
 * together (facts_board_cumulative), which a report that neither filters nor groups by zone reads:
 * about a third of the rows at each month end; and per board and main investor country with all
 * kinds together (facts_country_cumulative): the stock by country, which otherwise only a scan of
 * every fact up to the date gives (120 ms at 100k events for the dashboard's country chart).
 */
interface SumsTable {
  name: string;
  keys: readonly ('kind' | 'board_id' | 'zone_id' | 'origin' | 'country')[];
}
const BY_ZONE: SumsTable = { name: 'facts_cumulative', keys: ['kind', 'board_id', 'zone_id', 'origin'] };
const BY_BOARD: SumsTable = { name: 'facts_board_cumulative', keys: ['kind', 'board_id', 'origin'] };
const BY_COUNTRY: SumsTable = { name: 'facts_country_cumulative', keys: ['board_id', 'origin', 'country'] };
/** The tables a batch's deltas and a correction's cancellations are added to. */
const KEPT: readonly SumsTable[] = [BY_ZONE, BY_BOARD, BY_COUNTRY];
const SUMMED = ['n', 'valid', 'reg_vnd', 'reg_usd', 'realized_vnd', 'realized_usd'] as const satisfies readonly (keyof Delta)[];
const SUM_COLUMNS: readonly string[] = SUMMED;

/** Adds the inserted sums to those already at a month end. */
const addToSums = (table: SumsTable) =>
  `ON CONFLICT (as_of, ${table.keys.join(', ')}) DO UPDATE SET ${SUM_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

/**
 * The month-end running sums a batch of facts adds, summed in memory per month
 * end and group and written once: every month end is a fact's month end, so a fact dated D counts
 * at every month end on or after the end of D's month.
 */
export class RunningSumsDelta {
  private readonly deltas = new Map<string, Delta>();

  add(fact: SumsOfFact): void {
    const monthEnd = monthEndOf(fact.on);
    const key = `${monthEnd}|${fact.kind}|${fact.board_id}|${fact.zone_id}|${fact.origin}|${fact.country}`;
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
      for (const table of KEPT) {
        statement(
          db,
          `INSERT INTO ${table.name} SELECT @monthEnd, ${[...table.keys, ...SUM_COLUMNS].join(', ')}
           FROM ${table.name} WHERE as_of = (SELECT MAX(as_of) FROM facts_month_ends WHERE as_of < @monthEnd)`,
        ).run({ monthEnd });
      }
    }
    for (const table of KEPT) {
      const add = statement(
        db,
        `INSERT INTO ${table.name} SELECT as_of, ${table.keys.map((k) => `@${k}`).join(', ')}, ${SUM_COLUMNS.map((c) => `@${c}`).join(', ')}
         FROM facts_month_ends WHERE as_of >= @monthEnd ${addToSums(table)}`,
      );
      for (const delta of summedBy(table, this.deltas.values())) add.run(delta);
    }
    this.deltas.clear();
  }
}

/** The deltas summed per month end and the table's keys. */
function summedBy(table: SumsTable, deltas: Iterable<Delta>): Iterable<Delta> {
  const groups = new Map<string, Delta>();
  for (const delta of deltas) {
    const key = `${delta.monthEnd}|${table.keys.map((k) => delta[k]).join('|')}`;
    const sum = groups.get(key);
    if (!sum) groups.set(key, { ...delta });
    else addTo(sum, delta);
  }
  return groups.values();
}

/** A correction's cancellations (at its position, the facts it had derived not yet there) take their facts out of the running sums. */
export function cancelInRunningSums(db: Database.Database, position: bigint): void {
  for (const table of KEPT) {
    const keys = table.keys.map((k) => `f.${k}`).join(', ');
    statement(
      db,
      `INSERT INTO ${table.name}
       SELECT m.as_of, ${keys}, SUM(f.sign), SUM(f.valid_delta), SUM(f.reg_vnd), SUM(f.reg_usd), SUM(f.realized_vnd), SUM(f.realized_usd)
       FROM facts f JOIN facts_month_ends m ON m.as_of >= f.effective_on WHERE f.position = ?
       GROUP BY m.as_of, ${keys} ${addToSums(table)}`,
    ).run(position);
  }
}

/** facts_board_cumulative from scratch: the zone-level running sums summed over each board's zones. */
export function deriveBoardSums(db: Database.Database): void {
  const keys = BY_BOARD.keys.join(', ');
  db.exec(`DELETE FROM ${BY_BOARD.name};
    INSERT INTO ${BY_BOARD.name} SELECT as_of, ${keys}, ${SUM_COLUMNS.map((c) => `SUM(${c})`).join(', ')} FROM ${BY_ZONE.name} GROUP BY as_of, ${keys}`);
}

/**
 * The running sums of every month end from the facts themselves, into empty tables (the end of a
 * rebuild): the rows RunningSumsDelta.write leaves in facts_cumulative and facts_country_cumulative,
 * each from the facts' sums per month instead of adding each batch's deltas to every later month end.
 */
export function deriveRunningSums(db: Database.Database): void {
  withFactMonths(db, () => {
    const monthEnd = statement(db, 'INSERT INTO facts_month_ends VALUES (?)');
    for (const month of db.prepare('SELECT DISTINCT month FROM temp.fact_months').pluck().all() as string[]) monthEnd.run(monthEndOf(`${month}-01`));
    deriveSumsOf(db, BY_ZONE);
    deriveSumsOf(db, BY_COUNTRY);
  });
}

/** facts_country_cumulative from scratch (for a read model that kept it as events arrived, to compare). */
export function deriveCountrySums(db: Database.Database): void {
  db.exec(`DELETE FROM ${BY_COUNTRY.name}`);
  withFactMonths(db, () => deriveSumsOf(db, BY_COUNTRY));
}

/**
 * The facts summed per month and every dimension once, for @derive (at 1M events the grouping's
 * sort is most of the 2.3 s; its 236k groups are then summed again per table in 0.3 s each).
 */
function withFactMonths(db: Database.Database, derive: () => void): void {
  db.exec(`CREATE TEMP TABLE fact_months AS SELECT substr(effective_on, 1, 7) AS month, kind, board_id, zone_id, origin, country,
      SUM(sign) AS n, SUM(valid_delta) AS valid, SUM(reg_vnd) AS reg_vnd, SUM(reg_usd) AS reg_usd, SUM(realized_vnd) AS realized_vnd, SUM(realized_usd) AS realized_usd
      FROM facts GROUP BY 1, 2, 3, 4, 5, 6`);
  derive();
  db.exec('DROP TABLE temp.fact_months');
}

/**
 * One table's running sums at every month end: its groups' sums per month wait in a temporary
 * table (a connection cannot write while it reads), and are added up a month at a time, in date order.
 */
function deriveSumsOf(db: Database.Database, table: SumsTable): void {
  const keys = table.keys.join(', ');
  db.exec(`CREATE TEMP TABLE month_sums (month TEXT NOT NULL, ${table.keys.map((k) => `${k} TEXT NOT NULL`).join(', ')},
      ${SUM_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')}, PRIMARY KEY (month, ${keys})) WITHOUT ROWID;
    INSERT INTO month_sums SELECT month, ${keys}, ${SUM_COLUMNS.map((c) => `SUM(${c})`).join(', ')} FROM temp.fact_months GROUP BY month, ${keys};`);
  const months = db.prepare('SELECT DISTINCT month FROM month_sums ORDER BY month').pluck().all() as string[];
  const ofMonth = db.prepare(`SELECT ${keys}, ${SUM_COLUMNS.join(', ')} FROM month_sums WHERE month = ?`).safeIntegers();
  const running = new Map<string, Omit<Delta, 'monthEnd'>>();
  for (const month of months) {
    for (const group of ofMonth.all(month) as Omit<Delta, 'monthEnd'>[]) {
      const key = table.keys.map((k) => group[k]).join('|');
      const sums = running.get(key);
      if (!sums) running.set(key, group);
      else addTo(sums, group);
    }
    const monthEnd = monthEndOf(`${month}-01`);
    const rows = [...running.values()].map((r) => [monthEnd, ...table.keys.map((k) => r[k]), ...SUMMED.map((c) => r[c])]);
    insertRows(db, `INSERT INTO ${table.name}`, 1 + table.keys.length + SUMMED.length, rows);
  }
  db.exec('DROP TABLE temp.month_sums');
}

function addTo(sums: Omit<Delta, 'monthEnd'>, more: Omit<Delta, 'monthEnd'>): void {
  for (const c of SUMMED) sums[c] += more[c];
}
