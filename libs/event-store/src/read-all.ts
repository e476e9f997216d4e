import type { LogReader, Position, RecordedEvent } from './port';

/** Streams the whole log in pages so memory stays constant however long the log is. */
export async function* readAll(store: LogReader, after: Position = 0n, pageSize = 1000): AsyncGenerator<RecordedEvent> {
  let cursor = after;
  for (;;) {
    const page = await store.readPage(cursor, pageSize);
    for (const event of page) yield event;
    if (page.length < pageSize) return;
    cursor = page[page.length - 1].position;
  }
}
