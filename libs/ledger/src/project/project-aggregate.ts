import { evolve, foldProject, initialProjectState, type ProjectEvent, type ProjectState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Aggregate } from '../stream-states';

export const toProjectEvent = (e: Pick<RecordedEvent, 'type' | 'data'>): ProjectEvent => ({ type: e.type, data: e.data }) as ProjectEvent;

/**
 * A project's state, folded incrementally: an act only adds to the history, so it evolves the state
 * as it is; a correction may change how earlier acts read, so it refolds the whole history.
 */
export const projectAggregate: Aggregate<ProjectState> = {
  initialState: initialProjectState,
  evolve(state, recorded) {
    const added = recorded.map(toProjectEvent);
    const history = (state.history ?? []).concat(added);
    if (added.some((e) => e.type === 'EventCorrected')) return foldProject(history);
    return { ...added.reduce(evolve, state), history };
  },
};
