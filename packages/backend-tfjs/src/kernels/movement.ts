import * as tf from '@tensorflow/tfjs-core';
import type { Shape } from '@lamina/api';

/** Data movement: transpose, slices, concat, pad, tile, reverse, gather, segment sums. */

type T = tf.Tensor;
const prod = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** outShape[d] elements along axis d from begin[d] in steps of strides[d] (possibly negative). */
export function stridedSlice(x: T, begin: number[], strides: number[], outShape: Shape): T {
  if (prod(outShape) === 0) return tf.zeros(outShape as number[], x.dtype);
  let endMask = 0;
  const end = begin.map((b, d) => {
    const e = b + outShape[d]! * strides[d]!;
    // A negative step that runs past index 0 has no representable end index: mask it.
    if (e < 0) endMask |= 1 << d;
    return strides[d]! > 0 ? b + (outShape[d]! - 1) * strides[d]! + 1 : e;
  });
  return tf.stridedSlice(x, begin, end, strides, 0, endMask);
}

export function pad(x: T, paddings: Array<[number, number]>, value: number): T {
  return tf.pad(x, paddings, value);
}

export function concat(xs: T[], axis: number): T {
  const nonEmpty = xs.filter((t) => t.size > 0);
  return tf.concat(nonEmpty.length ? nonEmpty : xs.slice(0, 1), axis);
}

export function reverse(x: T, axes: number[]): T {
  return axes.length === 0 ? x : tf.reverse(x, axes);
}

export function gather(x: T, indices: T, axis: number): T {
  return tf.gather(x, indices.dtype === 'int32' ? indices : tf.cast(indices, 'int32'), axis);
}

/**
 * out[indices[i], ...] += x[i, ...] over the leading axes indices covers; negative ids are
 * dropped. Engines without an UnsortedSegmentSum kernel (wasm) get a one-hot matmul instead.
 */
export function unsortedSegmentSum(x: T, indices: T, numSegments: number, outShape: Shape): T {
  const m = indices.size;
  const inner = prod(outShape.slice(1));
  const ids = tf.reshape(indices.dtype === 'int32' ? indices : tf.cast(indices, 'int32'), [m]);
  const x2 = tf.reshape(x, [m, inner]);
  if (tf.getKernel('UnsortedSegmentSum', tf.getBackend())) {
    return tf.reshape(tf.unsortedSegmentSum(x2, ids as tf.Tensor1D, numSegments), outShape as number[]);
  }
  // One-hot rows (built with equal: wasm's OneHot writes int bits into float tensors) are zero
  // for ids outside [0, numSegments), so negative ids drop out.
  const hot = tf.cast(tf.equal(tf.reshape(ids, [m, 1]), tf.reshape(tf.range(0, numSegments, 1, 'int32'), [1, numSegments])), 'float32');
  const sums = tf.matMul(hot, x2.dtype === 'float32' ? x2 : tf.cast(x2, 'float32'), true, false);
  return tf.reshape(sums, outShape as number[]);
}
