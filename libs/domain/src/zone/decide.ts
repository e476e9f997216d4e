import { minorUnitsOf } from '../decimal';
import { RuleCode, rule } from '../errors';
import { EARLIEST_LEGAL_DATE, legalDate, type LegalDate } from '../legal-date';
import { ZONE_STATUSES, type ZoneAreas, type ZoneCommand, type ZoneEvent, type ZoneReference, type ZoneState } from './types';

export const zoneStreamOf = (zoneId: string) => `zone-${zoneId}`;
export const initialZoneState: ZoneState = { established: false };

const HECTARES = /^(0|[1-9]\d{0,6})(\.\d{1,2})?$/;
/** Hectares × 100: areas compare and add exactly. */
export const hundredthsOfHa = (ha: string) => minorUnitsOf(ha, 2);

export function evolveZone(state: ZoneState, event: ZoneEvent): ZoneState {
  switch (event.type) {
    case 'ZoneEstablished':
      return { established: true, decidedOn: event.data.decidedOn, boardId: event.data.boardId, status: 'PLANNED', lastOn: event.data.decidedOn };
    case 'ZoneStatusChanged':
      return { ...state, status: event.data.status, lastOn: event.data.effectiveOn };
    case 'ZoneAreasChanged':
      return { ...state, lastOn: event.data.effectiveOn };
    case 'ZoneWastewaterPlantStarted':
      return { ...state, wastewaterFrom: event.data.effectiveOn, lastOn: event.data.effectiveOn };
  }
}

function requireDate(value: string, field: string, today: LegalDate, notBefore?: LegalDate): LegalDate {
  const date = legalDate(value, field);
  rule(date >= EARLIEST_LEGAL_DATE, RuleCode.DATE_TOO_EARLY, `${field} ${date} precedes ${EARLIEST_LEGAL_DATE}`);
  rule(date <= today, RuleCode.FUTURE_DATED, `${field} ${date} is in the future (today is ${today})`);
  if (notBefore) rule(date >= notBefore, RuleCode.EFFECTIVE_BEFORE_LAST_ACT, `${field} ${date} precedes the zone's last recorded change on ${notBefore}`);
  return date;
}

function requireAreas(areas: ZoneAreas): void {
  for (const field of ['naturalAreaHa', 'leasableLandHa'] as const) rule(HECTARES.test(areas[field]), RuleCode.AMOUNT_INVALID, `${field} must be hectares as a decimal string with at most 2 decimals, got ${JSON.stringify(areas[field])}`);
  rule(hundredthsOfHa(areas.leasableLandHa) <= hundredthsOfHa(areas.naturalAreaHa), RuleCode.LEASABLE_EXCEEDS_NATURAL, `leasable industrial land ${areas.leasableLandHa} ha exceeds the zone's natural area ${areas.naturalAreaHa} ha`);
}

/** Decides a change of a zone: establishment, status (planned → building → operating), areas, wastewater plant. */
export function decideZone(command: ZoneCommand, state: ZoneState, reference: ZoneReference): ZoneEvent[] {
  const { zoneId, today } = command;
  if (command.type === 'EstablishZone') {
    const d = command.data;
    rule(!state.established, RuleCode.ZONE_ALREADY_ESTABLISHED, `zone ${zoneId} was established on ${state.decidedOn}`);
    const decidedOn = requireDate(d.decidedOn, 'decidedOn', today);
    const board = reference.board(d.boardId);
    rule(board !== undefined, RuleCode.BOARD_UNKNOWN, `unknown board ${d.boardId}: it is not in the reference data (config/reference-data/boards.json)`);
    rule(board.validFrom <= decidedOn && (board.validTo === null || decidedOn <= board.validTo), RuleCode.BOARD_NOT_IN_FORCE, `board ${d.boardId} did not exist on ${decidedOn}`);
    const listed = reference.listedZoneBoard(zoneId);
    rule(listed === undefined || listed === d.boardId, RuleCode.ZONE_NOT_IN_BOARD, `zone ${zoneId} belongs to board ${listed} in config/reference-data/zones.json, not ${d.boardId}`);
    requireAreas(d);
    return [{ type: 'ZoneEstablished', data: { ...d, zoneId } }];
  }
  rule(state.established, RuleCode.ZONE_UNKNOWN, `zone ${zoneId} has not been established in the ledger`);
  const effectiveOn = requireDate(command.data.effectiveOn, 'effectiveOn', today, state.lastOn);
  switch (command.type) {
    case 'ChangeZoneStatus': {
      const [from, to] = [ZONE_STATUSES.indexOf(state.status ?? 'PLANNED'), ZONE_STATUSES.indexOf(command.data.status)];
      rule(to >= 0, RuleCode.AMOUNT_INVALID, `status must be BUILDING or OPERATING, got ${JSON.stringify(command.data.status)}`);
      rule(to > from, RuleCode.ZONE_STATUS_BACKWARDS, `zone ${zoneId} is ${state.status}; its status moves forward only (planned → building → operating)`);
      return [{ type: 'ZoneStatusChanged', data: { ...command.data, effectiveOn } }];
    }
    case 'ChangeZoneAreas':
      requireAreas(command.data);
      return [{ type: 'ZoneAreasChanged', data: { ...command.data, effectiveOn } }];
    case 'StartWastewaterPlant':
      rule(state.wastewaterFrom === undefined, RuleCode.NO_CHANGES, `zone ${zoneId} has had its central wastewater plant since ${state.wastewaterFrom}`);
      return [{ type: 'ZoneWastewaterPlantStarted', data: { ...command.data, effectiveOn } }];
  }
}
