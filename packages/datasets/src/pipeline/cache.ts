import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { decodeElement, encodeElement } from './element-codec';

/**
 * Memory cache: the first complete pass is kept and replayed. A pass that stops early is
 * thrown away (as tf.data does), so a partial cache never hides elements.
 */
export function memoryCache<T>(upstream: AsyncIterable<T>): () => AsyncIterator<T> {
  let cached: T[] | null = null;
  return async function* replayOrFill(): AsyncGenerator<T> {
    if (cached !== null) {
      yield* cached;
      return;
    }
    const filling: T[] = [];
    for await (const value of upstream) {
      filling.push(value);
      yield value;
    }
    cached = filling;
  };
}

const HEADER = JSON.stringify({ format: 'lamina-dataset-cache', version: 1 });
const FLUSH_BYTES = 1 << 20;

/**
 * File cache: the first complete pass is streamed to `<file>.tmp-*` and renamed to `file`
 * at the end; later passes (also in later runs) stream the file back. Memory stays at
 * one element plus a 1 MiB write buffer. Delete the file to refresh the cache.
 */
export function fileCache<T>(upstream: AsyncIterable<T>, file: string): () => AsyncIterator<T> {
  return async function* readOrWrite(): AsyncGenerator<T> {
    if (fs.existsSync(file)) {
      yield* readCacheFile<T>(file);
      return;
    }
    yield* writeThrough(upstream, file);
  };
}

async function* readCacheFile<T>(file: string): AsyncGenerator<T> {
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (lineNo === 1) {
        if (line !== HEADER) {
          throw new Error(
            `cache: ${file} is not a Lamina dataset cache file (its first line is not the cache header). ` +
              'Delete it or pass another path to cache({ file }).',
          );
        }
        continue;
      }
      if (line === '') continue;
      yield decodeElement<T>(line);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

async function* writeThrough<T>(upstream: AsyncIterable<T>, file: string): AsyncGenerator<T> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const handle = await fs.promises.open(tmp, 'w');
  let complete = false;
  try {
    let pending = HEADER + '\n';
    for await (const value of upstream) {
      pending += encodeElement(value) + '\n';
      if (pending.length >= FLUSH_BYTES) {
        await handle.write(pending);
        pending = '';
      }
      yield value;
    }
    await handle.write(pending);
    complete = true;
  } finally {
    await handle.close();
    if (complete) await fs.promises.rename(tmp, file);
    else await fs.promises.rm(tmp, { force: true });
  }
}
