import type { BinaryOp, DataArray, DType, Shape } from '@lamina/api';
import { broadcastStrides, forEachRun, planRuns } from './broadcast';
import { alloc, sizeOf } from './util';

/**
 * Elementwise kernels of two inputs with NumPy broadcasting to the api's output shape.
 * Each op is one strided run loop (its own function, so the math inlines): the same-shape and
 * scalar cases are a single run; any other broadcast is a sequence of runs over the innermost
 * merged axis.
 */

type Arr = DataArray;
type Run = (a: Arr, ia: number, sa: number, b: Arr, ib: number, sb: number, o: Arr, io: number, n: number) => void;

/** Python/tfjs modulo: the result takes the sign of the divisor. */
export function mod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

const RUNS: Record<BinaryOp, Run> = {
  add: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] + b[ib]; },
  sub: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] - b[ib]; },
  mul: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] * b[ib]; },
  div: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] / b[ib]; },
  pow: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = Math.pow(a[ia], b[ib]); },
  maximum: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = Math.max(a[ia], b[ib]); },
  minimum: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = Math.min(a[ia], b[ib]); },
  mod: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = mod(a[ia], b[ib]); },
  floorDiv: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = Math.floor(a[ia] / b[ib]); },
  atan2: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = Math.atan2(a[ia], b[ib]); },
  equal: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] === b[ib] ? 1 : 0; },
  notEqual: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] !== b[ib] ? 1 : 0; },
  less: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] < b[ib] ? 1 : 0; },
  lessEqual: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] <= b[ib] ? 1 : 0; },
  greater: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] > b[ib] ? 1 : 0; },
  greaterEqual: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] >= b[ib] ? 1 : 0; },
  logicalAnd: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] !== 0 && b[ib] !== 0 ? 1 : 0; },
  logicalOr: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = a[ia] !== 0 || b[ib] !== 0 ? 1 : 0; },
  logicalXor: (a, ia, sa, b, ib, sb, o, io, n) => { for (let e = io + n; io < e; io++, ia += sa, ib += sb) o[io] = (a[ia] !== 0) !== (b[ib] !== 0) ? 1 : 0; },
};

export function binary(
  a: DataArray, aShape: Shape, b: DataArray, bShape: Shape, op: BinaryOp, outShape: Shape, dtype: DType,
): DataArray {
  const run = RUNS[op];
  if (!run) throw new Error(`binary: unknown op '${op}'. Known ops: ${Object.keys(RUNS).join(', ')}`);
  const n = sizeOf(outShape);
  const o = alloc(dtype, n);
  if (n === 0) return o;
  // Fast paths: same shape, or one side a single element.
  const sameA = a.length === n;
  const sameB = b.length === n;
  if ((sameA || a.length === 1) && (sameB || b.length === 1)) {
    run(a, 0, sameA ? 1 : 0, b, 0, sameB ? 1 : 0, o, 0, n);
    return o;
  }
  const plan = planRuns(outShape, [broadcastStrides(aShape, outShape), broadcastStrides(bShape, outShape)]);
  const last = plan.shape.length - 1;
  const sa = plan.strides[0][last];
  const sb = plan.strides[1][last];
  forEachRun(plan, [0, 0], (offs, io, len) => run(a, offs[0], sa, b, offs[1], sb, o, io, len));
  return o;
}

/** cond ? a : b, all three broadcast to the output shape. */
export function where(
  cond: DataArray, condShape: Shape, a: DataArray, aShape: Shape, b: DataArray, bShape: Shape,
  outShape: Shape, dtype: DType,
): DataArray {
  const n = sizeOf(outShape);
  const o = alloc(dtype, n);
  if (n === 0) return o;
  const plan = planRuns(outShape, [condShape, aShape, bShape].map((s) => broadcastStrides(s, outShape)));
  const last = plan.shape.length - 1;
  const [sc, sa, sb] = plan.strides.map((s) => s[last]);
  forEachRun(plan, [0, 0, 0], (offs, io, len) => {
    let ic = offs[0], ia = offs[1], ib = offs[2];
    for (let e = io + len; io < e; io++, ic += sc, ia += sa, ib += sb) o[io] = cond[ic] !== 0 ? a[ia] : b[ib];
  });
  return o;
}
