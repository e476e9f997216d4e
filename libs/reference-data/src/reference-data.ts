import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReferenceDataError, type Board, type Province, type ReferenceDataSet, type Region, type Zone } from './types';
import { validateReferenceData } from './validate';

const FILES = ['provinces.json', 'boards.json', 'zones.json', 'regions.json', 'version.json'] as const;

/** Regions, provinces, boards and zones from versioned files in config/, validated at load. */
export class ReferenceData {
  private readonly boards = new Map<string, Board>();
  private readonly zones = new Map<string, Zone>();
  private readonly provinces = new Map<string, Province>();
  private readonly regions = new Map<string, Region>();

  private constructor(readonly data: ReferenceDataSet) {
    data.boards.forEach((b) => this.boards.set(b.id, b));
    data.zones.forEach((z) => this.zones.set(z.id, z));
    data.provinces.forEach((p) => this.provinces.set(p.id, p));
    data.regions.forEach((r) => this.regions.set(r.id, r));
  }

  get version(): string {
    return this.data.version;
  }

  static load(dir = 'config/reference-data'): ReferenceData {
    const root = resolve(process.cwd(), dir);
    const texts: Record<string, string> = {};
    const parsed: Record<string, unknown> = {};
    for (const file of FILES) {
      try {
        texts[file] = readFileSync(resolve(root, file), 'utf8');
      } catch {
        throw new ReferenceDataError(`config/reference-data/${file}: cannot be read from ${root}`);
      }
      try {
        parsed[file] = JSON.parse(texts[file]);
      } catch (error) {
        throw new ReferenceDataError(`config/reference-data/${file}: malformed JSON (${(error as Error).message})`);
      }
    }
    const digest = createHash('sha256').update(FILES.map((f) => texts[f]).join('\n')).digest('hex').slice(0, 8);
    const version = `${(parsed['version.json'] as { version?: string }).version ?? 'unversioned'}+${digest}`;
    return ReferenceData.fromData({
      version,
      provinces: parsed['provinces.json'] as Province[],
      boards: parsed['boards.json'] as Board[],
      zones: parsed['zones.json'] as Zone[],
      regions: parsed['regions.json'] as Region[],
    });
  }

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
  region(id: string): Region | undefined {
    return this.regions.get(id);
  }

  zonesOfBoard(boardId: string): Zone[] {
    return this.data.zones.filter((z) => z.boardId === boardId);
  }

  provinceOfBoard(boardId: string): Province | undefined {
    const board = this.boards.get(boardId);
    return board && this.provinces.get(board.provinceId);
  }

  boardsOfProvince(provinceId: string): string[] {
    return this.data.boards.filter((b) => b.provinceId === provinceId).map((b) => b.id);
  }

  boardsInRegion(regionId: string): string[] {
    const members = new Set(this.regions.get(regionId)?.provinceIds ?? []);
    return this.data.boards.filter((b) => members.has(b.provinceId)).map((b) => b.id);
  }

  regionOfBoard(boardId: string): Region | undefined {
    const provinceId = this.boards.get(boardId)?.provinceId;
    return this.data.regions.find((r) => provinceId !== undefined && r.provinceIds.includes(provinceId));
  }

  /** The board holding a predecessor's projects on `date`: follows successions until one is valid. */
  successorBoardOn(boardId: string, date: string): string {
    let board = this.boards.get(boardId);
    while (board && board.validTo !== null && board.validTo < date && board.successorId) board = this.boards.get(board.successorId);
    return board?.id ?? boardId;
  }

  /** The first day on which any board succession took effect (the 2025 merger): units default around it. */
  firstSuccessionDate(): string | undefined {
    return this.data.boards
      .filter((b) => this.data.boards.some((p) => p.successorId === b.id))
      .map((b) => b.validFrom)
      .sort()[0];
  }

  /** Boards that passed their jurisdiction to `boardId`, directly or through others. */
  predecessorsOf(boardId: string): string[] {
    const direct = this.data.boards.filter((b) => b.successorId === boardId).map((b) => b.id);
    return direct.flatMap((id) => [id, ...this.predecessorsOf(id)]);
  }
}
