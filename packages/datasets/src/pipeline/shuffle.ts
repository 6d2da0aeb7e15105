import { SeededRandom } from '../random/seeded-random';

/**
 * Buffered shuffle (as tf.data): keep `bufferSize` elements, emit a random one and put the
 * next upstream element in its place; at the end, drain the buffer in random order.
 * Memory: at most bufferSize elements are held here.
 */
export async function* shuffleElements<T>(upstream: AsyncIterable<T>, bufferSize: number, seed: number): AsyncGenerator<T> {
  const rng = new SeededRandom(seed);
  const buffer: T[] = [];
  for await (const value of upstream) {
    if (buffer.length < bufferSize) {
      buffer.push(value);
      continue;
    }
    const j = rng.nextInt(bufferSize);
    const out = buffer[j];
    buffer[j] = value;
    yield out;
  }
  while (buffer.length > 0) {
    const j = rng.nextInt(buffer.length);
    const out = buffer[j];
    buffer[j] = buffer[buffer.length - 1];
    buffer.pop();
    yield out;
  }
}
