import { effectiveDateOf, type CertificateDetails, type Investor, type ProjectEvent } from '../events';
import type { Origin } from '../grounds';
import type { LegalDate } from '../legal-date';
import { applyCorrections } from './corrections';
import { ZERO, addMoney, moneyFromJson, negateMoney, parseUsdCents, type Money } from '../money';

export type ProjectStatus = 'UNISSUED' | 'VALID' | 'TERMINATED';

export interface ProjectState extends Partial<CertificateDetails> {
  status: ProjectStatus;
  suspended: boolean;
  suspendedOn?: LegalDate;
  projectCode?: string;
  boardId?: string;
  origin?: Origin;
  issuedOn?: LegalDate;
  registeredCapital: Money;
  exchangeRate?: string;
  realizedCapital: Money;
  adjustmentNo: number;
  /** Latest effective date of any act so far: terminations and moves may not precede it. */
  lastEffectiveOn?: LegalDate;
  terminatedOn?: LegalDate;
  /** The day the project started operating, once the investor's notice is recorded. */
  operatingSince?: LegalDate;
  terminationGround?: string;
  investors?: Investor[];
  /** The stream as recorded, corrections included (a correction names a version in it). */
  history?: readonly ProjectEvent[];
}

export const initialProjectState: ProjectState = {
  status: 'UNISSUED',
  suspended: false,
  registeredCapital: ZERO,
  realizedCapital: ZERO,
  adjustmentNo: 0,
};

/** Pure fold step: the state after one more event. */
export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  const on = effectiveDateOf(event);
  return applyEvent(state, event, state.lastEffectiveOn === undefined || on > state.lastEffectiveOn ? on : state.lastEffectiveOn);
}

/**
 * The state after @event with @lastEffectiveOn, in one new object: a second copy for the date alone
 * was a third of the fold's time in a rebuild (the register and zone land fold every event).
 */
function applyEvent(state: ProjectState, event: ProjectEvent, lastEffectiveOn: LegalDate): ProjectState {
  switch (event.type) {
    case 'CertificateIssued': {
      const { registeredCapital, ...rest } = event.data;
      return {
        ...state,
        ...rest,
        status: 'VALID',
        registeredCapital: moneyFromJson(registeredCapital),
        realizedCapital: rest.origin === 'FDI' ? { vnd: 0n, usdCents: 0n } : ZERO,
        exchangeRate: registeredCapital.exchangeRate,
        lastEffectiveOn,
      };
    }
    case 'CapitalIncreased':
      return { ...state, adjustmentNo: Math.max(state.adjustmentNo, event.data.adjustmentNo), registeredCapital: addMoney(state.registeredCapital, moneyFromJson(event.data.amount)), lastEffectiveOn };
    case 'CapitalDecreased':
      return {
        ...state,
        adjustmentNo: Math.max(state.adjustmentNo, event.data.adjustmentNo),
        registeredCapital: addMoney(state.registeredCapital, negateMoney(moneyFromJson(event.data.amount))),
        lastEffectiveOn,
      };
    case 'CertificateAdjusted': {
      const { origin, registeredCapitalUsd, exchangeRate, ...details } = event.data.changes;
      const next: ProjectState = { ...state, ...details, adjustmentNo: Math.max(state.adjustmentNo, event.data.adjustmentNo), lastEffectiveOn };
      if (origin === 'DDI') return { ...next, origin, exchangeRate: undefined, registeredCapital: { vnd: state.registeredCapital.vnd }, realizedCapital: { vnd: state.realizedCapital.vnd } };
      if (origin === 'FDI' && registeredCapitalUsd !== undefined) {
        return {
          ...next,
          origin,
          exchangeRate,
          registeredCapital: { vnd: state.registeredCapital.vnd, usdCents: parseUsdCents(registeredCapitalUsd) },
          realizedCapital: { vnd: state.realizedCapital.vnd, usdCents: state.realizedCapital.usdCents ?? 0n },
        };
      }
      return next;
    }
    case 'CapitalRealized':
      return { ...state, realizedCapital: addMoney(state.realizedCapital, moneyFromJson(event.data.amount)), lastEffectiveOn };
    case 'ProjectSuspended':
      return { ...state, suspended: true, suspendedOn: event.data.effectiveOn, lastEffectiveOn };
    case 'ProjectResumed':
      return { ...state, suspended: false, suspendedOn: undefined, lastEffectiveOn };
    case 'OperationStarted':
      return { ...state, operatingSince: event.data.effectiveOn, lastEffectiveOn };
    case 'ProjectTerminated':
      return { ...state, status: 'TERMINATED', suspended: false, terminatedOn: event.data.effectiveOn, terminationGround: event.data.ground, lastEffectiveOn };
    case 'EventCorrected':
      // Corrections are applied to the history before folding.
      return lastEffectiveOn === state.lastEffectiveOn ? state : { ...state, lastEffectiveOn };
  }
}

/** Folds events that are already as they are to be read (no corrections among them). */
export function foldEffective(events: Iterable<ProjectEvent>): ProjectState {
  let state = initialProjectState;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** Folds a stream as recorded: corrections applied first (see applyCorrections). */
export function foldProject(events: readonly ProjectEvent[]): ProjectState {
  return { ...foldEffective(applyCorrections(events)), history: events };
}
