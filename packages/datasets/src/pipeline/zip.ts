/** Pulls one element from every upstream per step; stops at the shortest. */
export async function* zipElements(upstreams: AsyncIterable<unknown>[]): AsyncGenerator<unknown[]> {
  const iterators = upstreams.map((u) => u[Symbol.asyncIterator]());
  const finished = new Set<number>();
  try {
    for (;;) {
      const results = await Promise.all(iterators.map((it) => it.next()));
      results.forEach((r, i) => {
        if (r.done) finished.add(i);
      });
      if (finished.size > 0) return;
      yield results.map((r) => r.value);
    }
  } finally {
    // Close the ones that are still open (the longer datasets, or all on an early stop).
    await Promise.all(iterators.map((it, i) => (finished.has(i) ? undefined : it.return?.())));
  }
}
