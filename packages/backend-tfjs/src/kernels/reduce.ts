import * as tf from '@tensorflow/tfjs-core';
import type { ReduceOp } from '@lamina/api';
import { castTo } from '../handle';

/** Reductions over sorted axes (the output drops them) and arg-reductions to int32. */

type T = tf.Tensor;

export function reduce(x: T, op: ReduceOp, axes: number[]): T {
  if (axes.length === 0) return x; // nothing to reduce: the caller clones and casts
  switch (op) {
    case 'sum': return tf.sum(x.dtype === 'bool' ? tf.cast(x, 'int32') : x, axes);
    case 'prod': return tf.prod(x.dtype === 'bool' ? tf.cast(x, 'int32') : x, axes);
    case 'max': return tf.max(x.dtype === 'bool' ? tf.cast(x, 'int32') : x, axes);
    case 'min': return tf.min(x.dtype === 'bool' ? tf.cast(x, 'int32') : x, axes);
    case 'any': return tf.any(castTo(x, 'bool', tf), axes);
    case 'all': return tf.all(castTo(x, 'bool', tf), axes);
    default: throw new Error(`reduce: unknown op '${String(op)}'. Known ops: sum, prod, max, min, any, all`);
  }
}

export function argReduce(x: T, axis: number, which: 'max' | 'min'): T {
  const v = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
  return which === 'max' ? tf.argMax(v, axis) : tf.argMin(v, axis);
}
