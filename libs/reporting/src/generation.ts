/**
 * A count that moves whenever `mark` does: a write mark tells only "changed or not", while the
 * report cache needs a checkpoint that never moves back. Answers read from the log itself (a
 * project's certificate and history) are kept against it.
 */
export function generationOf(mark: () => string): () => bigint {
  let last: string | undefined;
  let generation = 0n;
  return () => {
    const now = mark();
    if (now !== last) {
      last = now;
      generation += 1n;
    }
    return generation;
  };
}
