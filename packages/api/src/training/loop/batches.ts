import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { tensor } from '../../tensor/create';
import { gather, slice } from '../../ops/movement';

/** Rows [start, end) of every tensor: a contiguous slice, or a gather when `order` is shuffled. */
export function takeRows(tensors: Tensor[], start: number, end: number, order?: Int32Array): Tensor[] {
  return tidy(() => {
    if (!order) return tensors.map((t) => slice(t, [start, ...new Array<number>(t.rank - 1).fill(0)], [end - start, ...t.shape.slice(1)]));
    const idx = tensor(order.subarray(start, end), [end - start], 'int32');
    return tensors.map((t) => gather(t, idx, 0));
  });
}

/** Yield to the event loop so timers, I/O and UI run between batches (as tfjs). */
export const nextTick = (): Promise<void> => new Promise((r) => setImmediate(r));
