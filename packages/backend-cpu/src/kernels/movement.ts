import type { DataArray, DType, Shape } from '@lamina/api';
import { forEachRun, planRuns } from './broadcast';
import { alloc, shapeStr, sizeOf, stridesOf } from './util';

/**
 * Data movement. transpose, slice, stridedSlice, reverse and tile are all one strided copy:
 * the output is written in order while the input is read at `base + sum(idx[d] * strides[d])`.
 */

/** Fills `out` (contiguous, shape `shape`) from `x` read at `base` with per-axis `strides`. */
export function stridedCopy(x: DataArray, base: number, shape: Shape, strides: number[], out: DataArray): DataArray {
  const plan = planRuns(shape, [strides]);
  const s = plan.strides[0][plan.shape.length - 1];
  forEachRun(plan, [base], (offs, io, n) => {
    let i = offs[0];
    if (s === 1 && n >= 16) out.set(x.subarray(i, i + n), io);
    else for (let e = io + n; io < e; io++, i += s) out[io] = x[i];
  });
  return out;
}

export function transpose(x: DataArray, shape: Shape, perm: number[], dtype: DType): DataArray {
  const sorted = [...perm].sort((a, b) => a - b);
  if (perm.length !== shape.length || sorted.some((p, i) => p !== i)) {
    throw new Error(`transpose: perm [${perm.join(', ')}] is not a permutation of the ${shape.length} axes of ${shapeStr(shape)}`);
  }
  const xs = stridesOf(shape);
  return stridedCopy(x, 0, perm.map((p) => shape[p]), perm.map((p) => xs[p]), alloc(dtype, x.length));
}

export function slice(x: DataArray, shape: Shape, begin: number[], size: number[], dtype: DType): DataArray {
  const xs = stridesOf(shape);
  let base = 0;
  for (let d = 0; d < shape.length; d++) {
    if (begin[d] < 0 || size[d] < 0 || begin[d] + size[d] > shape[d]) {
      throw new Error(`slice: begin [${begin.join(', ')}] and size [${size.join(', ')}] exceed shape ${shapeStr(shape)} on axis ${d}`);
    }
    base += begin[d] * xs[d];
  }
  return stridedCopy(x, base, size, xs, alloc(dtype, sizeOf(size)));
}

/** `outShape[d]` elements along axis d, starting at begin[d] and stepping strides[d] (may be negative). */
export function stridedSlice(
  x: DataArray, shape: Shape, begin: number[], steps: number[], outShape: Shape, dtype: DType,
): DataArray {
  const xs = stridesOf(shape);
  const n = sizeOf(outShape);
  let base = 0;
  for (let d = 0; d < shape.length; d++) {
    const count = outShape[d];
    const lastIdx = begin[d] + (count - 1) * steps[d];
    if (n > 0 && (begin[d] < 0 || begin[d] >= shape[d] || lastIdx < 0 || lastIdx >= shape[d])) {
      throw new Error(
        `stridedSlice: axis ${d} reads indices ${begin[d]}..${lastIdx} (step ${steps[d]}) outside [0, ${shape[d]}) of shape ${shapeStr(shape)}`,
      );
    }
    base += begin[d] * xs[d];
  }
  if (n === 0) return alloc(dtype, 0);
  return stridedCopy(x, base, outShape, xs.map((s, d) => s * steps[d]), alloc(dtype, n));
}

export function reverse(x: DataArray, shape: Shape, axes: number[], dtype: DType): DataArray {
  const strides = stridesOf(shape);
  let base = 0;
  for (const a of new Set(axes)) {
    if (a < 0 || a >= shape.length) throw new Error(`reverse: axis ${a} is out of range for shape ${shapeStr(shape)}`);
    if (shape[a] === 0) continue;
    base += (shape[a] - 1) * strides[a];
    strides[a] = -strides[a];
  }
  return stridedCopy(x, base, shape, strides, alloc(dtype, x.length));
}

/** Output axis d of size reps[d]*n[d] is read as [reps[d], n[d]] with input strides [0, stride[d]]. */
export function tile(x: DataArray, shape: Shape, reps: number[], dtype: DType): DataArray {
  const xs = stridesOf(shape);
  const viewShape: number[] = [];
  const viewStrides: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    viewShape.push(reps[d], shape[d]);
    viewStrides.push(0, xs[d]);
  }
  return stridedCopy(x, 0, viewShape, viewStrides, alloc(dtype, sizeOf(viewShape)));
}

export function concat(inputs: Array<{ data: DataArray; shape: Shape }>, axis: number, outShape: Shape, dtype: DType): DataArray {
  const out = alloc(dtype, sizeOf(outShape));
  const outer = sizeOf(outShape.slice(0, axis));
  const inner = sizeOf(outShape.slice(axis + 1));
  let total = 0;
  for (const t of inputs) total += t.shape[axis] ?? 0;
  if (total !== outShape[axis]) {
    throw new Error(`concat: inputs' sizes along axis ${axis} sum to ${total}, but the output has ${outShape[axis]}`);
  }
  let pos = 0;
  for (let o = 0; o < outer; o++) {
    for (const t of inputs) {
      const len = t.shape[axis] * inner;
      if (len === 0) continue;
      out.set(t.data.subarray(o * len, (o + 1) * len), pos);
      pos += len;
    }
  }
  return out;
}

export function pad(
  x: DataArray, shape: Shape, paddings: Array<[number, number]>, value: number, outShape: Shape, dtype: DType,
): DataArray {
  const out = alloc(dtype, sizeOf(outShape));
  if (value !== 0) out.fill(value);
  if (x.length === 0) return out;
  const os = stridesOf(outShape);
  let base = 0;
  for (let d = 0; d < shape.length; d++) {
    const [before, after] = paddings[d];
    if (before < 0 || after < 0 || shape[d] + before + after !== outShape[d]) {
      throw new Error(`pad: paddings [${before}, ${after}] on axis ${d} do not take ${shape[d]} to ${outShape[d]}`);
    }
    base += before * os[d];
  }
  // Walk x in order and scatter each run into the interior of the output.
  const plan = planRuns(shape, [os]);
  const s = plan.strides[0][plan.shape.length - 1];
  forEachRun(plan, [base], (offs, ix, n) => {
    let io = offs[0];
    if (s === 1) out.set(x.subarray(ix, ix + n), io);
    else for (let e = ix + n; ix < e; ix++, io += s) out[io] = x[ix];
  });
  return out;
}

/** Out shape = x[:axis] + indices.shape + x[axis+1:]; every index must be in [0, x.shape[axis]). */
export function gather(x: DataArray, shape: Shape, indices: DataArray, axis: number, dtype: DType): DataArray {
  const outer = sizeOf(shape.slice(0, axis));
  const size = shape[axis];
  const inner = sizeOf(shape.slice(axis + 1));
  const m = indices.length;
  for (let i = 0; i < m; i++) {
    const idx = indices[i];
    if (!(idx >= 0 && idx < size) || !Number.isInteger(idx)) {
      throw new Error(`gather: index ${idx} (at flat position ${i} of the indices) is out of range; valid indices along axis ${axis} are 0..${size - 1} (size ${size})`);
    }
  }
  const out = alloc(dtype, outer * m * inner);
  for (let o = 0, io = 0; o < outer; o++) {
    const xo = o * size * inner;
    for (let i = 0; i < m; i++, io += inner) {
      const from = xo + indices[i] * inner;
      if (inner === 1) out[io] = x[from];
      else out.set(x.subarray(from, from + inner), io);
    }
  }
  return out;
}

/**
 * out[indices[i], ...] += x[i, ...], with i ranging over the leading axes of x that indices
 * covers. Negative indices are dropped (as in TensorFlow); indices >= numSegments are an error.
 */
export function unsortedSegmentSum(
  x: DataArray, indices: DataArray, numSegments: number, outShape: Shape, dtype: DType,
): DataArray {
  const m = indices.length;
  const inner = sizeOf(outShape.slice(1));
  if (outShape[0] !== numSegments || x.length !== m * inner) {
    throw new Error(
      `unsortedSegmentSum: x has ${x.length} elements, expected ${m} indices x ${inner} (output ${shapeStr(outShape)}, ` +
        `numSegments ${numSegments}); indices' shape must be a prefix of x's`,
    );
  }
  const acc = new Float64Array(numSegments * inner);
  for (let i = 0; i < m; i++) {
    const s = indices[i];
    if (s < 0) continue;
    if (s >= numSegments) {
      throw new Error(`unsortedSegmentSum: segment id ${s} (at position ${i}) is out of range; valid ids are 0..${numSegments - 1}`);
    }
    const xo = i * inner;
    const ao = s * inner;
    for (let j = 0; j < inner; j++) acc[ao + j] += x[xo + j];
  }
  const out = alloc(dtype, acc.length);
  out.set(acc);
  return out;
}
