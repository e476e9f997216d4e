import type { ProjectEvent } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/event-store';

const PREFIX = 'project-';

/** The project code and event of an event of a project's stream; undefined for any other stream. */
export function projectEventOf(recorded: ProjectedEvent): { code: string; event: ProjectEvent } | undefined {
  if (!recorded.streamId.startsWith(PREFIX)) return undefined;
  return { code: recorded.streamId.slice(PREFIX.length), event: { type: recorded.type, data: recorded.data } as ProjectEvent };
}
