import { h, fill } from './dom';
import { $, state, t, vietnamToday } from './state';
import type { Unit, UnitsMode } from './types';

export const unitName = (u: { name: string; nameVi: string } | undefined) => (u ? (state.lang === 'vi' ? u.nameVi : u.name) : '');
export const byId = <U extends { id: string }>(list: U[], id: string) => list.find((u) => u.id === id);
export const boardName = (id: string) => unitName(byId(state.reference.boards, id)) || id;
export const zoneName = (id: string) => unitName(byId(state.reference.zones, id)) || id;

function fillSelect(select: HTMLSelectElement, items: { id: string; name: string; nameVi: string }[], value: string): void {
  fill(select, [h('option', { value: '' }, t('all')), ...items.map((u) => h('option', { value: u.id }, unitName(u)))]);
  select.value = items.some((u) => u.id === value) ? value : '';
}

/** The server's default, mirrored so the filter lists match: historical for a period wholly before the first succession. */
export function unitsMode(): UnitsMode {
  if (state.units) return state.units;
  const ends = state.reference.boards.filter((b) => b.successorId && b.validTo).map((b) => b.validTo as string).sort();
  return ends.length && state.to <= ends[0] ? 'historical' : 'current';
}

function predecessors(boardId: string): string[] {
  return state.reference.boards.filter((b) => b.successorId === boardId).flatMap((b) => [b.id, ...predecessors(b.id)]);
}

/** Region, board and zone lists of the units in force on the date the reports group by: the period end (historical) or today (current). */
export function renderFilterLists(): void {
  const ref = state.reference;
  const on = unitsMode() === 'current' ? ref.today || vietnamToday() : state.to;
  const inForce = (u: Unit) => u.validFrom <= on && (u.validTo === null || on <= u.validTo);
  // A board chosen under other units stays chosen as the board that holds its projects on that date.
  for (let b = byId(ref.boards, state.boardId); b && !inForce(b) && b.successorId && (b.validTo ?? '') < on; b = byId(ref.boards, b.successorId)) state.boardId = b.successorId;
  const regions = ref.regions.filter(inForce);
  fillSelect($<HTMLSelectElement>('f-region'), regions, state.regionId);
  state.regionId = $<HTMLSelectElement>('f-region').value;
  const region = byId(regions, state.regionId);
  const boards = ref.boards.filter((b) => inForce(b) && (!region || region.provinceIds.includes(b.provinceId)));
  fillSelect($<HTMLSelectElement>('f-board'), boards, state.boardId);
  state.boardId = $<HTMLSelectElement>('f-board').value;
  const boardIds = new Set(state.boardId ? [state.boardId, ...predecessors(state.boardId)] : boards.flatMap((b) => [b.id, ...predecessors(b.id)]));
  fillSelect($<HTMLSelectElement>('f-zone'), ref.zones.filter((z) => boardIds.has(z.boardId)), state.zoneId);
  state.zoneId = $<HTMLSelectElement>('f-zone').value;
}
