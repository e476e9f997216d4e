import type { Origin } from '@ledger/domain';
import { and, isIn, sql, type Sql } from './sql';

export const GROUP_DIMENSIONS = ['region', 'province', 'board', 'zone', 'origin', 'country'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

export interface ReportFilters {
  regionId?: string;
  provinceId?: string;
  boardId?: string;
  zoneId?: string;
  origin?: Origin;
}

/** How boards relate to provinces and regions (from the reference data in config/). */
export interface Units {
  boardsInRegion(regionId: string): string[];
  boardsInProvince(provinceId: string): string[];
  provinceOfBoard(boardId: string): string | undefined;
  /** The region a board belonged to on a date (regions were redrawn with the 2025 merger). */
  regionOfBoard(boardId: string, on?: string): string | undefined;
  /** The board holding a board's projects on a date (itself, or its successor after a merger). */
  boardOn(boardId: string, date: string): string;
  /** Boards whose projects passed to this one, directly or transitively. */
  predecessorsOf(boardId: string): string[];
}

/**
 * `historical`: group by the units that existed at the report date; `current`: re-map all history
 * to today's units. Either way a fact's board is mapped through the successions up to `date`.
 */
export interface UnitsView {
  mode: 'historical' | 'current';
  date: string;
}

export const boardInView = (units: Units, view: UnitsView | undefined, boardId: string) => (view ? units.boardOn(boardId, view.date) : boardId);

/** The condition over the facts/register columns for the filters; board sets come from reference data. */
export function filterSql(filters: ReportFilters, units: Units): Sql {
  const conditions: Sql[] = [];
  let boards: string[] | undefined;
  // A unit's figures include the projects of the units it succeeded.
  const withPredecessors = (ids: string[]) => [...new Set(ids.flatMap((id) => [id, ...units.predecessorsOf(id)]))];
  const restrict = (ids: string[]) => {
    const all = withPredecessors(ids);
    boards = boards ? boards.filter((b) => all.includes(b)) : all;
  };
  if (filters.regionId) restrict(units.boardsInRegion(filters.regionId));
  if (filters.provinceId) restrict(units.boardsInProvince(filters.provinceId));
  if (filters.boardId) restrict([filters.boardId]);
  if (boards) conditions.push(isIn('board_id', boards));
  if (filters.zoneId) conditions.push(sql`zone_id = ${filters.zoneId}`);
  if (filters.origin) conditions.push(sql`origin = ${filters.origin}`);
  return and(conditions);
}

export interface GroupRow {
  board_id: string;
  zone_id: string;
  origin: Origin;
  country: string;
}

export function groupKey(row: GroupRow, groupBy: readonly GroupDimension[], units: Units, view?: UnitsView): Record<string, string> {
  const key: Record<string, string> = {};
  const board = boardInView(units, view, row.board_id);
  for (const dim of groupBy) {
    if (dim === 'region') key.regionId = units.regionOfBoard(board, view?.date) ?? 'UNKNOWN';
    if (dim === 'province') key.provinceId = units.provinceOfBoard(board) ?? 'UNKNOWN';
    if (dim === 'board') key.boardId = board;
    if (dim === 'zone') key.zoneId = row.zone_id;
    if (dim === 'origin') key.origin = row.origin;
    if (dim === 'country') key.country = row.country;
  }
  return key;
}

/** Rolls SQL rows (grouped by board, zone, origin, country) up to the requested dimensions. */
export function rollUp<R extends GroupRow, A>(rows: R[], groupBy: readonly GroupDimension[], units: Units, view: UnitsView | undefined, empty: () => A, add: (acc: A, row: R) => void) {
  const groups = new Map<string, { key: Record<string, string>; acc: A }>();
  for (const row of rows) {
    const key = groupKey(row, groupBy, units, view);
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, acc: empty() }));
    add(group.acc, row);
  }
  return [...groups.values()].sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
}
