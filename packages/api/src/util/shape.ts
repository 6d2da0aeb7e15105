import type { Shape } from '../backend/types';

/** Shape rules shared by ops, layers and symbolic shape inference: each written once. */

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function fmtShape(shape: Shape | readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? 'null' : d)).join(',')}]`;
}

/** Row-major strides. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** NumPy broadcasting of two shapes; `null` is an unknown (symbolic) dimension. */
export function broadcastShapes<D extends number | null>(a: readonly D[], b: readonly D[], what = 'broadcast'): D[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<D>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? (1 as D) : a[i - (n - a.length)]!;
    const db = i < n - b.length ? (1 as D) : b[i - (n - b.length)]!;
    if (da === db) out[i] = da;
    else if (da === 1) out[i] = db;
    else if (db === 1) out[i] = da;
    else if (da === null) out[i] = db;
    else if (db === null) out[i] = da;
    else {
      throw new Error(
        `${what}: shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together ` +
          `(axis ${i - n} has ${da} vs ${db}; each pair of sizes must be equal or one of them 1).`,
      );
    }
  }
  return out;
}

/** Resolve a possibly negative axis against `rank`, with an error that names the op. */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new Error(`${op}: axis ${axis} is out of range for a tensor of rank ${rank} (expected -${rank} <= axis < ${rank}).`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Sorted unique non-negative axes; undefined means all axes. */
export function normalizeAxes(axis: number | readonly number[] | undefined | null, rank: number, op: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = [...new Set(list.map((a) => normalizeAxis(a, rank, op)))];
  return out.sort((x, y) => x - y);
}

/** Shape after reducing `axes`, keeping them as 1 when keepDims. */
export function reducedShape<D extends number | null>(shape: readonly D[], axes: readonly number[], keepDims: boolean): D[] {
  const out: D[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1 as D);
  });
  return out;
}

/** Resolve a reshape target with at most one -1. */
export function inferReshape(size: number, target: readonly number[], from: Shape): number[] {
  const neg = target.filter((d) => d === -1).length;
  if (neg > 1) throw new Error(`reshape: at most one dimension may be -1, got ${fmtShape(target)}.`);
  const known = target.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const out = [...target];
  if (neg === 1) {
    if (known === 0 || size % known !== 0) {
      throw new Error(`reshape: cannot reshape a tensor of shape ${fmtShape(from)} (size ${size}) into ${fmtShape(target)}.`);
    }
    out[out.indexOf(-1)] = size / known;
  }
  if (out.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(out) !== size) {
    throw new Error(
      `reshape: cannot reshape a tensor of shape ${fmtShape(from)} (size ${size}) into ${fmtShape(target)} ` +
        `(size ${sizeOf(out)}); the sizes must match.`,
    );
  }
  return out;
}

/** Output shape of a batched matMul, with the batch dims broadcast. */
export function matMulShape<D extends number | null>(
  a: readonly D[], b: readonly D[], transposeA: boolean, transposeB: boolean,
): D[] {
  if (a.length < 2 || b.length < 2) {
    throw new Error(`matMul: both operands need rank >= 2, got shapes ${fmtShape(a)} and ${fmtShape(b)}.`);
  }
  const [m, ka]: [D, D] = transposeA ? [a[a.length - 1]!, a[a.length - 2]!] : [a[a.length - 2]!, a[a.length - 1]!];
  const [kb, n]: [D, D] = transposeB ? [b[b.length - 1]!, b[b.length - 2]!] : [b[b.length - 2]!, b[b.length - 1]!];
  if (ka !== null && kb !== null && ka !== kb) {
    throw new Error(
      `matMul: inner dimensions differ: a ${fmtShape(a)}${transposeA ? ' (transposed)' : ''} has ${ka} columns but ` +
        `b ${fmtShape(b)}${transposeB ? ' (transposed)' : ''} has ${kb} rows.`,
    );
  }
  const batch: D[] = broadcastShapes<D>(a.slice(0, -2), b.slice(0, -2), 'matMul batch dimensions');
  return [...batch, m, n];
}

export type PaddingMode = 'same' | 'valid' | 'causal';
/** 'same' | 'valid' | 'causal' (1-D only), one number for all sides, or [[top,bottom],[left,right]]. */
export type PaddingSpec = PaddingMode | number | [[number, number], [number, number]];

/** Output size and leading pad of one spatial axis (TensorFlow's rules). */
export function convAxis(
  inSize: number, filter: number, stride: number, dilation: number, pad: PaddingSpec, axis: 0 | 1,
): { out: number; before: number; after: number } {
  const eff = (filter - 1) * dilation + 1;
  let before: number;
  let after: number;
  if (pad === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + eff - inSize, 0);
    before = Math.floor(total / 2);
    after = total - before;
  } else if (pad === 'valid') {
    before = 0;
    after = 0;
  } else if (pad === 'causal') {
    before = axis === 1 ? eff - 1 : 0;
    after = 0;
  } else if (typeof pad === 'number') {
    before = pad;
    after = pad;
  } else {
    [before, after] = pad[axis];
  }
  const out = Math.floor((inSize + before + after - eff) / stride) + 1;
  return { out: Math.max(out, 0), before, after };
}
