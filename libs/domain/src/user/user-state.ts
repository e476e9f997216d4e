import { addDays, type LegalDate } from '../legal-date';
import type { UserEvent, UserGranted, UserRevoked } from './user-events';

/** A grant as recorded, with the last day a later revocation left it (null: open-ended). */
export interface Grant extends Omit<UserGranted['data'], 'validTo'> {
  validTo: LegalDate | null;
  /** Set when a revocation cut this grant short. */
  revokedOn?: LegalDate;
}

export interface UserState {
  sub?: string;
  /** In recording order: the latest grant that covers a date decides the rights on that date. */
  grants: Grant[];
  revocations: UserRevoked['data'][];
}

export const initialUserState: UserState = { grants: [], revocations: [] };

const earlier = (a: LegalDate | null, b: LegalDate): LegalDate => (a === null || b < a ? b : a);

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserGranted':
      return { ...state, sub: event.data.sub, grants: [...state.grants, { ...event.data, validTo: event.data.validTo ?? null }] };
    case 'UserRevoked': {
      // A revocation ends every earlier grant the day before it takes effect; history before it stays as it was.
      const lastDay = addDays(event.data.effectiveOn, -1);
      const grants = state.grants.map((g) => (g.validTo !== null && g.validTo < event.data.effectiveOn ? g : { ...g, validTo: earlier(g.validTo, lastDay), revokedOn: event.data.effectiveOn }));
      return { ...state, grants, revocations: [...state.revocations, event.data] };
    }
  }
}

export const foldUser = (events: readonly UserEvent[]): UserState => events.reduce(evolveUser, initialUserState);

const covers = (g: Grant, date: LegalDate) => g.validFrom <= date && (g.validTo === null || date <= g.validTo);

/** What the directory says of a person on a date: the grant in force, or why there is none. */
export type RightsOnDate =
  | { status: 'granted'; grant: Grant }
  | { status: 'revoked'; revocation: UserRevoked['data'] }
  | { status: 'not-in-force'; grants: Grant[] }
  | { status: 'unknown' };

export function rightsOn(state: UserState | undefined, date: LegalDate): RightsOnDate {
  if (!state || state.grants.length === 0) return { status: 'unknown' };
  const grant = state.grants.filter((g) => covers(g, date)).pop();
  if (grant) return { status: 'granted', grant };
  const revocation = state.revocations.filter((r) => r.effectiveOn <= date).pop();
  const cut = state.grants.some((g) => g.revokedOn !== undefined && g.revokedOn <= date && g.validFrom <= date);
  return revocation && cut ? { status: 'revoked', revocation } : { status: 'not-in-force', grants: state.grants };
}
