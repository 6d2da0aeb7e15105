import { Batched, Unbatched, stackElements, unstackElement } from './stack';

export async function* batchElements<T>(
  upstream: AsyncIterable<T>,
  size: number,
  dropRemainder: boolean,
): AsyncGenerator<Batched<T>> {
  let pending: T[] = [];
  for await (const value of upstream) {
    pending.push(value);
    if (pending.length === size) {
      const full = pending;
      pending = [];
      yield stackElements(full);
    }
  }
  if (pending.length > 0 && !dropRemainder) yield stackElements(pending);
}

export async function* unbatchElements<T>(upstream: AsyncIterable<T>): AsyncGenerator<Unbatched<T>> {
  for await (const batch of upstream) {
    for (const row of unstackElement(batch)) yield row;
  }
}
