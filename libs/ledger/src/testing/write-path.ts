import { RuleViolation, type ProjectEvent, type RuleCode } from '@ledger/domain';
import { MemoryEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { ReferenceData } from '@ledger/reference-data';
import type { Actor } from '../actor';
import type { CommandContext } from '../context';
import { StreamStates } from '../stream-states';
import { recordProjectAct, type ProjectAct, type ProjectWriteDeps } from '../project/record-project-act';

/** The write path over an in-memory store and the real reference data, for given/when/then specs. */
export const reference = ReferenceData.load();

export const officerOf = (boardId: string, id = `officer-${boardId}`): Actor => ({ id, role: 'officer', boardId });

export function writePath(store: EventStore = new MemoryEventStore(() => new Date('2026-11-24T03:00:00Z'))): ProjectWriteDeps {
  return { store, reference, referenceDataVersion: reference.version, streams: new StreamStates() };
}

export const contextOf = (actor: Actor, extra: Partial<CommandContext> = {}): CommandContext => ({ actor, now: new Date('2026-11-24T03:00:00Z'), ...extra });

const all = async (store: EventStore): Promise<RecordedEvent[]> => store.readPage(0n, 1_000_000);

/**
 * given(acts recorded by actors) / when(act by actor) / then(events appended) or thenRejects(code):
 * every rejection also checks that the log did not change.
 */
export function given(...history: Array<[ProjectAct, Actor]>) {
  return {
    when(act: ProjectAct, actor: Actor, extra: Partial<CommandContext> = {}) {
      const run = async () => {
        const deps = writePath();
        for (const [past, by] of history) await recordProjectAct(deps, past, contextOf(by));
        const before = await deps.store.count();
        try {
          const outcome = await recordProjectAct(deps, act, contextOf(actor, extra));
          return { deps, before, outcome, error: undefined };
        } catch (error) {
          return { deps, before, outcome: undefined, error };
        }
      };
      return {
        async then(expected: ProjectEvent[]): Promise<RecordedEvent[]> {
          const { deps, before, error } = await run();
          if (error) throw error;
          const appended = (await all(deps.store)).slice(Number(before));
          expect(appended.map((e) => ({ type: e.type, data: e.data }))).toEqual(expected);
          return appended;
        },
        async thenRejects(code: string, mentions: string[] = []): Promise<void> {
          const { deps, before, error } = await run();
          expect(error).toBeDefined();
          expect((error as RuleViolation).code as RuleCode).toBe(code);
          for (const m of mentions) expect((error as Error).message).toContain(m);
          expect(await deps.store.count()).toBe(before);
        },
      };
    },
  };
}
