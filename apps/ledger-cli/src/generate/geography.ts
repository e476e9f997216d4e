import { ReferenceData } from '@ledger/reference-data';
import type { Prng } from './prng';

interface BoardUnit {
  id: string;
  validFrom: string;
  validTo: string | null;
  zones: string[];
}

/**
 * Boards and zones from the reference data (config/reference-data): a project is issued by a board
 * valid on its issuance date, in a zone that board holds then; later acts are recorded by the board
 * holding the project on their date (its successor after the 2025 merger).
 */
export class Geography {
  private readonly boards: BoardUnit[];
  private readonly cache = new Map<string, BoardUnit[]>();

  constructor(readonly reference: ReferenceData) {
    this.boards = reference.data.boards
      .map((b) => ({ id: b.id, validFrom: b.validFrom, validTo: b.validTo, zones: reference.zonesOfBoard(b.id).map((z) => z.id) }))
      .filter((b) => b.zones.length > 0);
  }

  static load(dir?: string): Geography {
    return new Geography(ReferenceData.load(dir));
  }

  get version(): string {
    return this.reference.version;
  }

  get boardCount(): number {
    return this.boards.length;
  }

  /** A board valid on `date` and one of its zones; larger boards (more zones) license more projects. */
  pickBoardAndZone(rng: Prng, date: string): { boardId: string; zoneId: string } {
    const epoch = date < '2025-07-01' ? 'before' : 'after';
    let valid = this.cache.get(epoch);
    if (!valid) this.cache.set(epoch, (valid = this.boards.filter((b) => b.validFrom <= date && (b.validTo === null || date <= b.validTo))));
    const board = rng.weighted(valid.map((b) => [b, Math.sqrt(b.zones.length)] as const));
    return { boardId: board.id, zoneId: rng.pick(board.zones) };
  }

  /** The board acting on a project of `issuingBoardId` on `date`. */
  holderOn(issuingBoardId: string, date: string): string {
    return this.reference.successorBoardOn(issuingBoardId, date);
  }
}
