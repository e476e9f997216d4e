/** Public reference data (GET /dashboard/reference.json): boards and zones with their validity. */
export interface BoardRef {
  id: string;
  name: string;
  nameVi: string;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  provinceId: string;
}
export interface ZoneRef {
  id: string;
  name: string;
  nameVi: string;
  boardId: string;
}
export interface Reference {
  today: string;
  boards: BoardRef[];
  zones: ZoneRef[];
}

export async function loadReference(): Promise<Reference> {
  const response = await fetch('/dashboard/reference.json');
  return (await response.json()) as Reference;
}

const validOn = (b: BoardRef, date: string) => b.validFrom <= date && (b.validTo === null || date <= b.validTo);

/** The board holding a board's projects on `date`: its successor once it has closed (the 2025 merger). */
export function holderOn(ref: Reference, boardId: string, date: string): string {
  let board = ref.boards.find((b) => b.id === boardId);
  while (board && board.validTo !== null && board.validTo < date && board.successorId) {
    const next = board.successorId;
    board = ref.boards.find((b) => b.id === next);
  }
  return board?.id ?? boardId;
}

/** Boards an officer of `ownBoardId` may name as issuing board for an act dated `date`: its own or a predecessor that existed then. */
export function issuingBoardsFor(ref: Reference, ownBoardId: string, date: string): BoardRef[] {
  return ref.boards.filter((b) => validOn(b, date) && holderOn(ref, b.id, ref.today) === ownBoardId);
}

/** Zones held on `date` by the board holding `boardId`'s projects then. */
export function zonesOn(ref: Reference, boardId: string, date: string): ZoneRef[] {
  const holder = holderOn(ref, boardId, date);
  return ref.zones.filter((z) => holderOn(ref, z.boardId, date) === holder);
}

export const boardName = (ref: Reference | undefined, id: string, lang: 'vi' | 'en') => {
  const b = ref?.boards.find((x) => x.id === id);
  return b ? (lang === 'vi' ? b.nameVi : b.name) : id;
};
export const zoneName = (ref: Reference | undefined, id: string, lang: 'vi' | 'en') => {
  const z = ref?.zones.find((x) => x.id === id);
  return z ? (lang === 'vi' ? z.nameVi : z.name) : id;
};
