// Element-wise operators, written as async generators over a re-iterable upstream:
// each pass calls upstream[Symbol.asyncIterator]() anew, and `for await` closes the upstream
// when the consumer stops early.

export async function* mapElements<T, U>(
  upstream: AsyncIterable<T>,
  fn: (value: T, index: number) => U | PromiseLike<U>,
): AsyncGenerator<U> {
  let index = 0;
  for await (const value of upstream) yield await fn(value, index++);
}

export async function* filterElements<T>(
  upstream: AsyncIterable<T>,
  predicate: (value: T, index: number) => boolean | PromiseLike<boolean>,
): AsyncGenerator<T> {
  let index = 0;
  for await (const value of upstream) {
    if (await predicate(value, index++)) yield value;
  }
}

export async function* takeElements<T>(upstream: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  if (count <= 0) return;
  let taken = 0;
  // Return right after the last wanted element, so nothing more is pulled from upstream.
  for await (const value of upstream) {
    yield value;
    if (++taken >= count) return;
  }
}

export async function* skipElements<T>(upstream: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  let seen = 0;
  for await (const value of upstream) {
    if (seen++ >= count) yield value;
  }
}

export async function* repeatElements<T>(upstream: AsyncIterable<T>, count?: number): AsyncGenerator<T> {
  for (let pass = 0; count === undefined || pass < count; pass++) {
    let produced = 0;
    for await (const value of upstream) {
      produced++;
      yield value;
    }
    // An empty upstream repeated forever would spin; stop instead.
    if (produced === 0) return;
  }
}

export async function* concatenateElements<T, U>(first: AsyncIterable<T>, second: AsyncIterable<U>): AsyncGenerator<T | U> {
  yield* first;
  yield* second;
}
