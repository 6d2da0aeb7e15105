/**
 * Keeps up to `depth` upstream pulls in flight ahead of the consumer, so slow I/O in the
 * source overlaps with the consumer's work. At most `depth` elements exist ahead of it.
 */
export function prefetchIterator<T>(upstream: AsyncIterable<T>, depth: number): AsyncIterator<T> {
  const source = upstream[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  let exhausted = false;
  let closed = false;

  const fill = (): void => {
    while (!exhausted && !closed && queue.length < depth) {
      const pull = source.next();
      // Mark the end as soon as it is seen, and keep a rejection from counting as unhandled
      // (the consumer still receives it, in order, when it reaches this pull).
      pull.then(
        (r) => {
          if (r.done) exhausted = true;
        },
        () => {
          exhausted = true;
        },
      );
      queue.push(pull);
    }
  };

  return {
    async next(): Promise<IteratorResult<T>> {
      if (closed) return { done: true, value: undefined };
      if (queue.length === 0) fill();
      const head = queue.shift();
      if (head === undefined) return { done: true, value: undefined };
      let result: IteratorResult<T>;
      try {
        result = await head;
      } catch (error) {
        closed = true;
        queue.length = 0;
        throw error;
      }
      if (result.done) {
        closed = true;
        queue.length = 0;
        return result;
      }
      fill();
      return result;
    },
    async return(): Promise<IteratorResult<T>> {
      closed = true;
      queue.length = 0;
      await source.return?.();
      return { done: true, value: undefined };
    },
  };
}
