import type { Shape } from '@lamina/api';
import { stridesOf } from './util';

/**
 * Index helpers for strided and broadcast loops. Every elementwise and data-movement kernel
 * walks its (contiguous) output in order while each operand is read through its own strides
 * (0 along broadcast axes, negative for reversed axes). Adjacent axes that every operand walks
 * contiguously are merged first, so the innermost run is as long as possible and the odometer
 * overhead is paid once per run, not once per element.
 */

/** Strides of `inShape` read as broadcast to `outShape` (right-aligned, 0 on broadcast axes). */
export function broadcastStrides(inShape: Shape, outShape: Shape): number[] {
  const lead = outShape.length - inShape.length;
  if (lead < 0) throw new Error(`broadcast: shape [${inShape.join(', ')}] has more axes than the output [${outShape.join(', ')}]`);
  const own = stridesOf(inShape);
  const s = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < inShape.length; i++) {
    const d = inShape[i];
    if (d === outShape[lead + i]) s[lead + i] = d === 1 ? 0 : own[i];
    else if (d === 1) s[lead + i] = 0;
    else {
      throw new Error(
        `broadcast: shape [${inShape.join(', ')}] cannot broadcast to [${outShape.join(', ')}] (axis ${i} is ${d})`,
      );
    }
  }
  return s;
}

export interface RunPlan {
  /** Coalesced shape (no size-1 axes; at least one axis). */
  shape: number[];
  /** Per operand, its strides along the coalesced axes. */
  strides: number[][];
}

/** Drops size-1 axes and merges axes that every operand walks contiguously. */
export function planRuns(shape: Shape, strides: number[][]): RunPlan {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    const mergeable = last >= 0 && strides.every((s, k) => outStrides[k][last] === s[d] * shape[d]);
    if (mergeable) {
      outShape[last] *= shape[d];
      strides.forEach((s, k) => { outStrides[k][last] = s[d]; });
    } else {
      outShape.push(shape[d]);
      strides.forEach((s, k) => outStrides[k].push(s[d]));
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    outStrides.forEach((s) => s.push(0));
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `run(offsets, outOffset, n)` once per innermost run of the plan, in output order.
 * `offsets[k]` is operand k's offset of the run's first element; operand k then advances by
 * `plan.strides[k][last]` per element. `offsets` is reused between calls.
 */
export function forEachRun(
  plan: RunPlan, base: number[], run: (offsets: number[], outOffset: number, n: number) => void,
): void {
  const { shape, strides } = plan;
  const r = shape.length;
  const n = shape[r - 1];
  let outer = 1;
  for (let d = 0; d < r - 1; d++) outer *= shape[d];
  if (n === 0 || outer === 0) return;
  const k = strides.length;
  const offs = base.slice();
  const idx = new Array<number>(r).fill(0);
  for (let o = 0, outOff = 0; o < outer; o++, outOff += n) {
    run(offs, outOff, n);
    for (let d = r - 2; d >= 0; d--) {
      idx[d]++;
      if (idx[d] < shape[d]) {
        for (let j = 0; j < k; j++) offs[j] += strides[j][d];
        break;
      }
      idx[d] = 0;
      for (let j = 0; j < k; j++) offs[j] -= strides[j][d] * (shape[d] - 1);
    }
  }
}
