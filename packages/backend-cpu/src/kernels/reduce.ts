import type { DataArray, DType, ReduceOp, Shape } from '@lamina/api';
import { stridedCopy } from './movement';
import { alloc, allocLike, sizeOf, stridesOf } from './util';

/**
 * Reductions. A contiguous block of reduced axes is viewed as x[outer, r, inner] and reduced
 * in place of the middle axis; any other set of axes is first transposed to the end (one copy).
 * Sums and products accumulate in float64, then round once into the output.
 */

const IDENTITY: Record<ReduceOp, number> = { sum: 0, prod: 1, max: -Infinity, min: Infinity, any: 0, all: 1 };

function checkAxes(shape: Shape, axes: number[]): void {
  for (let i = 0; i < axes.length; i++) {
    const a = axes[i];
    if (!Number.isInteger(a) || a < 0 || a >= shape.length || (i > 0 && a <= axes[i - 1])) {
      throw new Error(`reduce: axes [${axes.join(', ')}] must be sorted, distinct and in [0, ${shape.length}) for shape [${shape.join(', ')}]`);
    }
  }
}

/** Moves `axes` to the end; returns the data and the contiguous [outer, r, inner] view of it. */
function asBlock(x: DataArray, shape: Shape, axes: number[]): { data: DataArray; outer: number; r: number; inner: number } {
  const contiguous = axes.length === 0 || axes[axes.length - 1] - axes[0] === axes.length - 1;
  if (contiguous) {
    const first = axes.length ? axes[0] : shape.length;
    const end = axes.length ? axes[axes.length - 1] + 1 : shape.length;
    return {
      data: x,
      outer: sizeOf(shape.slice(0, first)),
      r: sizeOf(shape.slice(first, end)),
      inner: sizeOf(shape.slice(end)),
    };
  }
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...kept, ...axes];
  const xs = stridesOf(shape);
  const data = stridedCopy(x, 0, perm.map((p) => shape[p]), perm.map((p) => xs[p]), allocLike(x));
  return { data, outer: sizeOf(kept.map((i) => shape[i])), r: sizeOf(axes.map((i) => shape[i])), inner: 1 };
}

export function reduce(x: DataArray, shape: Shape, op: ReduceOp, axes: number[], dtype: DType): DataArray {
  if (!(op in IDENTITY)) throw new Error(`reduce: unknown op '${op}'. Known ops: ${Object.keys(IDENTITY).join(', ')}`);
  checkAxes(shape, axes);
  const { data, outer, r, inner } = asBlock(x, shape, axes);
  const acc = new Float64Array(outer * inner).fill(IDENTITY[op]);
  for (let o = 0; o < outer; o++) {
    const ao = o * inner;
    for (let k = 0; k < r; k++) {
      const base = (o * r + k) * inner;
      switch (op) {
        case 'sum': for (let j = 0; j < inner; j++) acc[ao + j] += data[base + j]; break;
        case 'prod': for (let j = 0; j < inner; j++) acc[ao + j] *= data[base + j]; break;
        // NaN wins, as in numpy: once the accumulator is NaN no comparison replaces it.
        case 'max': for (let j = 0; j < inner; j++) { const v = data[base + j]; if (v > acc[ao + j] || v !== v) acc[ao + j] = v; } break;
        case 'min': for (let j = 0; j < inner; j++) { const v = data[base + j]; if (v < acc[ao + j] || v !== v) acc[ao + j] = v; } break;
        case 'any': for (let j = 0; j < inner; j++) if (data[base + j] !== 0) acc[ao + j] = 1; break;
        case 'all': for (let j = 0; j < inner; j++) if (data[base + j] === 0) acc[ao + j] = 0; break;
      }
    }
  }
  const out = alloc(dtype, acc.length);
  out.set(acc);
  return out;
}

/** Index of the first maximum (or minimum) along `axis`, as int32. */
export function argReduce(x: DataArray, shape: Shape, axis: number, which: 'max' | 'min'): Int32Array {
  if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) {
    throw new Error(`arg${which === 'max' ? 'Max' : 'Min'}: axis ${axis} is out of range for shape [${shape.join(', ')}]`);
  }
  const outer = sizeOf(shape.slice(0, axis));
  const r = shape[axis];
  const inner = sizeOf(shape.slice(axis + 1));
  const out = new Int32Array(outer * inner);
  const best = new Float64Array(inner);
  const sgn = which === 'max' ? 1 : -1; // argMin is argMax of -x
  for (let o = 0; o < outer; o++) {
    best.fill(-Infinity);
    const oo = o * inner;
    for (let k = 0; k < r; k++) {
      const base = (o * r + k) * inner;
      for (let j = 0; j < inner; j++) {
        const v = sgn * x[base + j];
        // Strictly greater keeps the first index on ties; k === 0 seeds (also for -Infinity and NaN).
        if (k === 0 || v > best[j]) { best[j] = v; out[oo + j] = k; }
      }
    }
  }
  return out;
}
