import { vietnamDateOf } from '@ledger/domain';
import { readReferenceFiles } from './load';
import type { Board, Province, ReferenceDataSet, Region, Zone } from './types';
import { overlaps, validateReferenceData } from './validate';

const validOn = (unit: { validFrom: string; validTo: string | null }, date: string) => unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);

/** Regions, provinces, boards and zones from versioned files in config/, validated at load; temporal lookups. */
export class ReferenceData {
  /** version.json's version plus a short content hash, e.g. `2025.07-1+ab12cd34`. */
  readonly version: string;
  private readonly boards = new Map<string, Board>();
  private readonly zones = new Map<string, Zone>();
  private readonly provinces = new Map<string, Province>();
  /** Versions of each region, oldest first. */
  private readonly regions = new Map<string, Region[]>();

  private constructor(readonly data: ReferenceDataSet) {
    this.version = data.version;
    data.boards.forEach((b) => this.boards.set(b.id, b));
    data.zones.forEach((z) => this.zones.set(z.id, z));
    data.provinces.forEach((p) => this.provinces.set(p.id, p));
    data.regions.forEach((r) => this.regions.set(r.id, [...(this.regions.get(r.id) ?? []), r].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))));
  }

  /** Reads and validates `dir` (relative to the working directory); throws ReferenceDataError with one line. */
  static load(dir = 'config/reference-data'): ReferenceData {
    const data = readReferenceFiles(dir);
    validateReferenceData(data, dir);
    return new ReferenceData(data);
  }

  /** The same validation as load(), over data already in memory (tests). */
  static fromData(data: ReferenceDataSet): ReferenceData {
    validateReferenceData(data);
    return new ReferenceData(data);
  }

  zone(id: string): Zone | undefined {
    return this.zones.get(id);
  }
  board(id: string): Board | undefined {
    return this.boards.get(id);
  }
  province(id: string): Province | undefined {
    return this.provinces.get(id);
  }
  /** The region version valid on `on`, or the latest version. */
  region(id: string, on?: string): Region | undefined {
    const versions = this.regions.get(id) ?? [];
    return on === undefined ? versions[versions.length - 1] : versions.find((r) => validOn(r, on));
  }

  /** Zones the board holds: its own and those of the boards it succeeded. */
  zonesOfBoard(boardId: string): Zone[] {
    const holders = new Set([boardId, ...this.predecessorsOf(boardId)]);
    return this.data.zones.filter((z) => holders.has(z.boardId));
  }

  provinceOfBoard(boardId: string): Province | undefined {
    const board = this.boards.get(boardId);
    return board && this.provinces.get(board.provinceId);
  }

  boardsOfProvince(provinceId: string): string[] {
    return this.data.boards.filter((b) => b.provinceId === provinceId).map((b) => b.id);
  }

  /**
   * Boards of the region's member provinces that were valid during the region's interval(s)
   * (only those valid on `on` when given). RRD (to 30/06/2025) → the 11 Red River Delta boards.
   */
  boardsInRegion(regionId: string, on?: string): string[] {
    const versions = (this.regions.get(regionId) ?? []).filter((r) => on === undefined || validOn(r, on));
    const ids = versions.flatMap((r) =>
      this.data.boards.filter((b) => r.provinceIds.includes(b.provinceId) && overlaps(b, r) && (on === undefined || validOn(b, on))).map((b) => b.id),
    );
    return [...new Set(ids)];
  }

  /**
   * The region of a board's province: the version valid on `on` when given, else the earliest one whose
   * interval meets the board's (a board valid across the 2025 merger, e.g. Hà Nội, reports under the older region).
   */
  regionOfBoard(boardId: string, on?: string): Region | undefined {
    const board = this.boards.get(boardId);
    if (!board) return undefined;
    return [...this.data.regions]
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
      .find((r) => r.provinceIds.includes(board.provinceId) && overlaps(r, board) && (on === undefined || validOn(r, on)));
  }

  /** The board holding a board's projects on `date`: follows successor links until one is valid then. */
  successorBoardOn(boardId: string, date: string): string {
    let board = this.boards.get(boardId);
    while (board && board.validTo !== null && board.validTo < date && board.successorId) board = this.boards.get(board.successorId);
    return board?.id ?? boardId;
  }

  /** The board holding a board's projects today (Vietnam's legal date unless `today` is given). */
  currentBoardOf(boardId: string, today: string = vietnamDateOf(new Date())): string {
    return this.successorBoardOn(boardId, today);
  }

  /** Boards that passed their jurisdiction to `boardId`, directly or through others. */
  predecessorsOf(boardId: string): string[] {
    const direct = this.data.boards.filter((b) => b.successorId === boardId).map((b) => b.id);
    return [...new Set(direct.flatMap((id) => [id, ...this.predecessorsOf(id)]))];
  }

  /** The first day on which any board succession took effect (the 2025 merger): report units default around it. */
  firstSuccessionDate(): string | undefined {
    return this.data.boards
      .filter((b) => this.data.boards.some((p) => p.successorId === b.id))
      .map((b) => b.validFrom)
      .sort()[0];
  }
}
