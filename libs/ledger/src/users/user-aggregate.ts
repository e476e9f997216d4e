import { evolveUser, initialUserState, type UserEvent, type UserState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Aggregate } from '../stream-states';

/**
 * One stream per person, `user-<sub>`: the decider needs only that person's history, grants to
 * different people never conflict, and an auditor reads one person's rights over time in one stream.
 * The whole directory is a fold of these events over the global log (UserDirectory).
 */
export const USER_STREAM_PREFIX = 'user-';
export const userStreamOf = (sub: string) => `${USER_STREAM_PREFIX}${sub}`;

export const toUserEvent = (e: Pick<RecordedEvent, 'type' | 'data'>): UserEvent => ({ type: e.type, data: e.data }) as UserEvent;

export const userAggregate: Aggregate<UserState> = {
  initialState: initialUserState,
  evolve: (state, recorded) => recorded.map(toUserEvent).reduce(evolveUser, state),
};
