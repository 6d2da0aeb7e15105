import { Dataset } from '../pipeline/dataset';

export type GeneratorFactory<T> = () => Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>;

function isIterable(v: object): v is Iterable<unknown> {
  return typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function';
}

function isAsyncIterable(v: object): v is AsyncIterable<unknown> {
  return typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * A dataset from a (sync or async) generator function. It is called once per pass, so
 * each epoch gets a fresh generator; elements are pulled one at a time, on demand.
 */
export function fromGenerator<T>(factory: GeneratorFactory<T>): Dataset<T> {
  if (typeof factory !== 'function') {
    throw new Error('fromGenerator: expected a function that returns a generator, e.g. fromGenerator(function* () { ... }).');
  }
  return new Dataset<T>(async function* pass() {
    const made = factory();
    if (typeof made !== 'object' || made === null) {
      throw new Error('fromGenerator: the function must return an iterator or iterable (a generator), got ' + typeof made + '.');
    }
    if (isAsyncIterable(made)) {
      yield* made as AsyncIterable<T>;
    } else if (isIterable(made)) {
      yield* made as Iterable<T>;
    } else if (typeof (made as Iterator<T>).next === 'function') {
      const it = made as Iterator<T> | AsyncIterator<T>;
      let finished = false;
      try {
        for (;;) {
          const r = await it.next();
          if (r.done) {
            finished = true;
            return;
          }
          yield r.value;
        }
      } finally {
        // Stopped early (or failed): let the iterator clean up, as for-of would.
        if (!finished) await it.return?.();
      }
    } else {
      throw new Error('fromGenerator: the function returned an object that is neither an iterator nor iterable.');
    }
  });
}
