import type { Shape } from '../backend/types';
import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import { tensor, type TensorLike } from '../tensor/create';
import { fmtShape, inferReshape, normalizeAxes, normalizeAxis, shapesEqual } from '../util/shape';
import { asTensor, cast } from './convert';
import { dispatch } from './dispatch';
import { equal as dispatchEqual, where as whereOf } from './elementwise';

export function reshape(x: TensorLike, shape: Shape): Tensor {
  const t = asTensor(x);
  const target = inferReshape(t.size, shape, t.shape);
  return dispatch('reshape', [t], { shape: target }, { shape: target, dtype: t.dtype });
}

/** A new handle on the same values (the tape sees it as an identity). */
export function clone(x: TensorLike): Tensor {
  const t = asTensor(x);
  return dispatch('reshape', [t], { shape: t.shape }, { shape: t.shape, dtype: t.dtype });
}

export function transpose(x: TensorLike, perm?: readonly number[]): Tensor {
  const t = asTensor(x);
  const p = perm ? perm.map((a) => normalizeAxis(a, t.rank, 'transpose')) : t.shape.map((_, i) => t.rank - 1 - i);
  if (p.length !== t.rank || new Set(p).size !== p.length) {
    throw new Error(`transpose: perm [${perm}] is not a permutation of the ${t.rank} axes of a tensor of shape ${fmtShape(t.shape)}.`);
  }
  return dispatch('transpose', [t], { perm: p }, { shape: p.map((a) => t.shape[a]!), dtype: t.dtype });
}

/** tf.slice: `size` -1 (or absent) means "to the end". */
export function slice(x: TensorLike, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  const t = asTensor(x);
  const b = typeof begin === 'number' ? [begin, ...new Array<number>(t.rank - 1).fill(0)] : [...begin];
  while (b.length < t.rank) b.push(0);
  const s = size === undefined ? new Array<number>(t.rank).fill(-1) : typeof size === 'number' ? [size, ...new Array<number>(t.rank - 1).fill(-1)] : [...size];
  while (s.length < t.rank) s.push(-1);
  const sz = s.map((v, i) => (v === -1 ? t.shape[i]! - b[i]! : v));
  b.forEach((v, i) => {
    if (v < 0 || sz[i]! < 0 || v + sz[i]! > t.shape[i]!) {
      throw new Error(`slice: begin [${b}] with size [${sz}] is out of bounds for shape ${fmtShape(t.shape)} (axis ${i}).`);
    }
  });
  return dispatch('slice', [t], { begin: b, size: sz }, { shape: sz, dtype: t.dtype });
}

/** Python-style x[begin:end:step] per axis (negative indices count from the end). */
export function stridedSlice(x: TensorLike, begin: readonly number[], end: readonly number[], strides?: readonly number[]): Tensor {
  const t = asTensor(x);
  const bs: number[] = [];
  const counts: number[] = [];
  const ss: number[] = [];
  for (let i = 0; i < t.rank; i++) {
    const n = t.shape[i]!;
    const st = strides?.[i] ?? 1;
    if (st === 0) throw new Error('stridedSlice: a stride must not be 0.');
    const clampIdx = (v: number | undefined, dflt: number, lo: number, hi: number): number => {
      if (v === undefined) return dflt;
      const w = v < 0 ? v + n : v;
      return Math.min(Math.max(w, lo), hi);
    };
    const bi = st > 0 ? clampIdx(begin[i], 0, 0, n) : clampIdx(begin[i], n - 1, -1, n - 1);
    const ei = st > 0 ? clampIdx(end[i], n, 0, n) : clampIdx(end[i], -1, -1, n - 1);
    const count = Math.max(0, Math.ceil((ei - bi) / st));
    bs.push(bi);
    counts.push(count);
    ss.push(st);
  }
  return dispatch('stridedSlice', [t], { begin: bs, strides: ss }, { shape: counts, dtype: t.dtype });
}

export function concat(xs: readonly TensorLike[], axis = 0): Tensor {
  return tidy(() => {
    if (xs.length === 0) throw new Error('concat: needs at least one tensor.');
    const ts = xs.map((x) => asTensor(x));
    const rank = ts[0]!.rank;
    const ax = normalizeAxis(axis, rank, 'concat');
    const dtype = ts.map((t) => t.dtype).reduce((a, b) => (a === 'float32' || b === 'float32' ? 'float32' : a === 'int32' || b === 'int32' ? 'int32' : 'bool'));
    const shape = [...ts[0]!.shape];
    shape[ax] = 0;
    ts.forEach((t, i) => {
      if (t.rank !== rank || t.shape.some((d, j) => j !== ax && d !== ts[0]!.shape[j])) {
        throw new Error(
          `concat: tensor ${i} has shape ${fmtShape(t.shape)} but tensor 0 has ${fmtShape(ts[0]!.shape)}; ` +
            `all shapes must match except along axis ${ax}.`,
        );
      }
      shape[ax]! += t.shape[ax]!;
    });
    if (ts.length === 1) return clone(ts[0]!);
    return dispatch('concat', ts.map((t) => cast(t, dtype)), { axis: ax }, { shape, dtype });
  });
}

export function expandDims(x: TensorLike, axis = 0): Tensor {
  const t = asTensor(x);
  const ax = normalizeAxis(axis, t.rank + 1, 'expandDims');
  const shape = [...t.shape];
  shape.splice(ax, 0, 1);
  return reshape(t, shape);
}

export function squeeze(x: TensorLike, axis?: number | number[]): Tensor {
  const t = asTensor(x);
  const axes = axis === undefined ? t.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0) : normalizeAxes(axis, t.rank, 'squeeze');
  for (const a of axes) {
    if (t.shape[a] !== 1) throw new Error(`squeeze: axis ${a} of shape ${fmtShape(t.shape)} has size ${t.shape[a]}, not 1.`);
  }
  return reshape(t, t.shape.filter((_, i) => !axes.includes(i)));
}

export function stack(xs: readonly TensorLike[], axis = 0): Tensor {
  return tidy(() => {
    if (xs.length === 0) throw new Error('stack: needs at least one tensor.');
    const ts = xs.map((x) => asTensor(x));
    ts.forEach((t, i) => {
      if (!shapesEqual(t.shape, ts[0]!.shape)) {
        throw new Error(`stack: tensor ${i} has shape ${fmtShape(t.shape)} but tensor 0 has ${fmtShape(ts[0]!.shape)}; all must match.`);
      }
    });
    const ax = normalizeAxis(axis, ts[0]!.rank + 1, 'stack');
    return concat(ts.map((t) => expandDims(t, ax)), ax);
  });
}

/** Split into pieces along `axis`: a count of equal pieces or a list of sizes (one may be -1). */
export function split(x: TensorLike, numOrSizeSplits: number | readonly number[], axis = 0): Tensor[] {
  return tidy(() => {
    const t = asTensor(x);
    const ax = normalizeAxis(axis, t.rank, 'split');
    const n = t.shape[ax]!;
    let sizes: number[];
    if (typeof numOrSizeSplits === 'number') {
      if (n % numOrSizeSplits !== 0) throw new Error(`split: axis ${ax} of size ${n} does not divide into ${numOrSizeSplits} equal pieces.`);
      sizes = new Array<number>(numOrSizeSplits).fill(n / numOrSizeSplits);
    } else {
      sizes = [...numOrSizeSplits];
      const rest = sizes.filter((s) => s !== -1).reduce((a, b2) => a + b2, 0);
      if (sizes.includes(-1)) sizes[sizes.indexOf(-1)] = n - rest;
      if (sizes.reduce((a, b2) => a + b2, 0) !== n) throw new Error(`split: sizes [${numOrSizeSplits}] do not add up to ${n} (axis ${ax}).`);
    }
    let offset = 0;
    return sizes.map((s) => {
      const begin = t.shape.map((_, i) => (i === ax ? offset : 0));
      const size = t.shape.map((d, i) => (i === ax ? s : d));
      offset += s;
      return slice(t, begin, size);
    });
  });
}

export function unstack(x: TensorLike, axis = 0): Tensor[] {
  return tidy(() => {
    const t = asTensor(x);
    const ax = normalizeAxis(axis, t.rank, 'unstack');
    return split(t, t.shape[ax]!, ax).map((p) => squeeze(p, ax));
  });
}

export function pad(x: TensorLike, paddings: ReadonlyArray<readonly [number, number]>, constantValue = 0): Tensor {
  const t = asTensor(x);
  if (paddings.length !== t.rank) {
    throw new Error(`pad: got ${paddings.length} paddings for a tensor of rank ${t.rank} (shape ${fmtShape(t.shape)}); give one [before, after] per axis.`);
  }
  const p = paddings.map(([a, b]) => [a, b] as [number, number]);
  if (p.some(([a, b]) => a < 0 || b < 0)) throw new Error(`pad: paddings must be non-negative, got ${JSON.stringify(paddings)}.`);
  const shape = t.shape.map((d, i) => d + p[i]![0] + p[i]![1]);
  return dispatch('pad', [t], { paddings: p, value: constantValue }, { shape, dtype: t.dtype });
}

export function tile(x: TensorLike, reps: readonly number[]): Tensor {
  const t = asTensor(x);
  if (reps.length !== t.rank) throw new Error(`tile: reps [${reps}] must have one entry per axis of shape ${fmtShape(t.shape)}.`);
  return dispatch('tile', [t], { reps: [...reps] }, { shape: t.shape.map((d, i) => d * reps[i]!), dtype: t.dtype });
}

export function reverse(x: TensorLike, axis?: number | number[]): Tensor {
  const t = asTensor(x);
  return dispatch('reverse', [t], { axes: normalizeAxes(axis, t.rank, 'reverse') }, { shape: t.shape, dtype: t.dtype });
}

export function gather(x: TensorLike, indices: TensorLike, axis = 0): Tensor {
  return tidy(() => {
    const t = asTensor(x);
    const idx = cast(asTensor(indices, 'int32'), 'int32');
    const ax = normalizeAxis(axis, t.rank, 'gather');
    const shape = [...t.shape.slice(0, ax), ...idx.shape, ...t.shape.slice(ax + 1)];
    return dispatch('gather', [t, idx], { axis: ax }, { shape, dtype: t.dtype });
  });
}

export function unsortedSegmentSum(x: TensorLike, segmentIds: TensorLike, numSegments: number): Tensor {
  return tidy(() => {
    const t = asTensor(x);
    const idx = cast(asTensor(segmentIds, 'int32'), 'int32');
    if (!shapesEqual(idx.shape, t.shape.slice(0, idx.rank))) {
      throw new Error(`unsortedSegmentSum: segment ids of shape ${fmtShape(idx.shape)} must be a prefix of the data shape ${fmtShape(t.shape)}.`);
    }
    const shape = [numSegments, ...t.shape.slice(idx.rank)];
    return dispatch('unsortedSegmentSum', [t, idx], { numSegments }, { shape, dtype: t.dtype });
  });
}

/** One-hot encode int labels along a new last axis. */
export function oneHot(indices: TensorLike, depth: number, onValue = 1, offValue = 0): Tensor {
  return tidy(() => {
    const idx = cast(asTensor(indices, 'int32'), 'int32');
    const classes = tensor(Int32Array.from({ length: depth }, (_, i) => i), [depth], 'int32');
    const hit = dispatchEqual(expandDims(idx, -1), classes);
    return whereOf(hit, onValue, offValue);
  });
}

export function broadcastTo(x: TensorLike, shape: readonly number[]): Tensor {
  return tidy(() => {
    const t = asTensor(x);
    if (t.rank > shape.length) throw new Error(`broadcastTo: cannot broadcast ${fmtShape(t.shape)} to the lower-rank ${fmtShape(shape)}.`);
    const padded = reshape(t, [...new Array<number>(shape.length - t.rank).fill(1), ...t.shape]);
    const reps = shape.map((d, i) => {
      const s = padded.shape[i]!;
      if (s !== d && s !== 1) throw new Error(`broadcastTo: cannot broadcast ${fmtShape(t.shape)} to ${fmtShape(shape)} (axis ${i}).`);
      return s === d ? 1 : d;
    });
    return reps.every((r) => r === 1) ? padded : tile(padded, reps);
  });
}

export function flattenTo2d(x: TensorLike): Tensor {
  const t = asTensor(x);
  return reshape(t, [t.shape[0] ?? 1, -1]);
}
