import { deriveSeed, randomSeed } from '../random/seeded-random';
import {
  concatenateElements,
  filterElements,
  mapElements,
  repeatElements,
  skipElements,
  takeElements,
} from './basic-ops';
import { batchElements, unbatchElements } from './batch-ops';
import { fileCache, memoryCache } from './cache';
import { prefetchIterator } from './prefetch';
import { shuffleElements } from './shuffle';
import { Batched, Unbatched } from './stack';
import { zipElements } from './zip';

export interface BatchOptions {
  /** Drop a last batch smaller than `size` (default false). */
  dropRemainder?: boolean;
}

export interface ShuffleOptions {
  /** Same seed, same order. Without one, a random seed is picked when shuffle() is called. */
  seed?: number;
  /** A new order on each pass (default true); false replays the first pass's order. */
  reshuffleEachIteration?: boolean;
}

export interface CacheOptions {
  /** Cache to this file instead of memory; it persists across runs until deleted. */
  file?: string;
}

type ZipArray<T extends readonly Dataset<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Dataset<infer E> ? E : never };
type ZipObject<T extends Record<string, Dataset<unknown>>> = { [K in keyof T]: T[K] extends Dataset<infer E> ? E : never };

function checkCount(op: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Dataset.${op}: ${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
}

/**
 * A lazy, re-iterable async pipeline. Nothing runs until iterated; every `for await` starts
 * a fresh pass over the source (one pass per epoch). Only the shuffle buffer and prefetch
 * depth are ever held in memory, plus a cache() when asked for.
 */
export class Dataset<T> implements AsyncIterable<T> {
  /** @param open starts one pass; it is called once per iteration. */
  constructor(private readonly open: () => AsyncIterator<T>) {}

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.open();
  }

  /** Applies `fn` (sync or async) to every element. */
  map<U>(fn: (value: T, index: number) => U | PromiseLike<U>): Dataset<U> {
    return new Dataset(() => mapElements(this, fn));
  }

  /** Keeps the elements for which `predicate` (sync or async) is true. */
  filter(predicate: (value: T, index: number) => boolean | PromiseLike<boolean>): Dataset<T> {
    return new Dataset(() => filterElements(this, predicate));
  }

  /** Groups `size` consecutive elements and stacks them (see README: batched element format). */
  batch(size: number, options: BatchOptions = {}): Dataset<Batched<T>> {
    checkCount('batch', 'size', size, 1);
    const dropRemainder = options.dropRemainder ?? false;
    return new Dataset(() => batchElements(this, size, dropRemainder));
  }

  /** Splits each batched element back into its rows. */
  unbatch(): Dataset<Unbatched<T>> {
    return new Dataset(() => unbatchElements(this));
  }

  /** Buffered random shuffle; `bufferSize` >= the dataset size gives a uniform shuffle. */
  shuffle(bufferSize: number, options: ShuffleOptions = {}): Dataset<T> {
    checkCount('shuffle', 'bufferSize', bufferSize, 1);
    const seed = options.seed ?? randomSeed();
    const reshuffle = options.reshuffleEachIteration ?? true;
    let pass = 0;
    return new Dataset(() => shuffleElements(this, bufferSize, reshuffle ? deriveSeed(seed, pass++) : seed));
  }

  /** Repeats the dataset `count` times, or forever when count is omitted. */
  repeat(count?: number): Dataset<T> {
    if (count !== undefined) checkCount('repeat', 'count', count, 0);
    return new Dataset(() => repeatElements(this, count));
  }

  /** The first `count` elements. */
  take(count: number): Dataset<T> {
    checkCount('take', 'count', count, 0);
    return new Dataset(() => takeElements(this, count));
  }

  /** All but the first `count` elements. */
  skip(count: number): Dataset<T> {
    checkCount('skip', 'count', count, 0);
    return new Dataset(() => skipElements(this, count));
  }

  /** Produces up to `depth` elements ahead of the consumer. */
  prefetch(depth: number): Dataset<T> {
    checkCount('prefetch', 'depth', depth, 1);
    return new Dataset(() => prefetchIterator(this, depth));
  }

  /** Keeps the first complete pass in memory, or in `options.file`, and replays it. */
  cache(options: CacheOptions = {}): Dataset<T> {
    const open = options.file === undefined ? memoryCache(this) : fileCache(this, options.file);
    return new Dataset(open);
  }

  /** This dataset's elements, then `other`'s. */
  concatenate<U>(other: Dataset<U>): Dataset<T | U> {
    return new Dataset(() => concatenateElements(this, other));
  }

  /** Calls `fn` on each element of one pass, awaiting it. */
  async forEachAsync(fn: (value: T, index: number) => void | PromiseLike<void>): Promise<void> {
    let index = 0;
    for await (const value of this) await fn(value, index++);
  }

  /** One pass, collected (only for datasets that fit in memory). */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const value of this) out.push(value);
    return out;
  }

  /** Elements of several datasets side by side, as an array or object; stops at the shortest. */
  static zip<const D extends readonly Dataset<unknown>[]>(datasets: D): Dataset<ZipArray<D>>;
  static zip<D extends Record<string, Dataset<unknown>>>(datasets: D): Dataset<ZipObject<D>>;
  static zip(datasets: readonly Dataset<unknown>[] | Record<string, Dataset<unknown>>): Dataset<unknown> {
    if (Array.isArray(datasets)) {
      const list = datasets as readonly Dataset<unknown>[];
      return new Dataset(() => zipElements([...list]));
    }
    const record = datasets as Record<string, Dataset<unknown>>;
    const keys = Object.keys(record);
    for (const k of keys) {
      if (!(record[k] instanceof Dataset)) throw new Error(`Dataset.zip: field '${k}' is not a Dataset.`);
    }
    return new Dataset(() =>
      mapElements(new Dataset(() => zipElements(keys.map((k) => record[k]))), (values) =>
        Object.fromEntries(keys.map((k, i) => [k, values[i]])),
      ),
    );
  }
}

/** Same as Dataset.zip. */
export const zip: typeof Dataset.zip = Dataset.zip.bind(Dataset);
