import type * as tf from '@tensorflow/tfjs-core';
import type { DType, OutInfo } from '@lamina/api';

/**
 * A Lamina handle: exactly one tf.Tensor, owned by exactly one handle. `tensor` is dropped on
 * dispose so a stale handle fails loudly instead of reading freed memory.
 */
export class TfData {
  constructor(public tensor: tf.Tensor | null, readonly owner: object) {}
}

export const shapeStr = (s: readonly number[]): string => `[${s.join(', ')}]`;

export const sizeOf = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** Reconciles a kernel result with the output the api decided: dtype by a cast, shape by a reshape. */
export function conform(y: tf.Tensor, out: OutInfo, kernel: string, tfx: typeof tf): tf.Tensor {
  let r = y;
  if (r.dtype !== out.dtype) r = castTo(r, out.dtype, tfx);
  const same = r.shape.length === out.shape.length && r.shape.every((d, i) => d === out.shape[i]);
  if (!same) {
    if (r.size !== sizeOf(out.shape)) {
      throw new Error(`${kernel}: tfjs produced shape ${shapeStr(r.shape)}, but the api expects ${shapeStr(out.shape)}`);
    }
    r = tfx.reshape(r, out.shape as number[]);
  }
  return r;
}

/**
 * tf.cast, except that casting to bool is x != 0 (the wasm engine's Cast keeps the raw value:
 * 2 stays 2 in the byte, -1 becomes 255).
 */
export function castTo(x: tf.Tensor, dtype: DType, tfx: typeof tf): tf.Tensor {
  if (x.dtype === dtype) return x;
  if (dtype === 'bool') return tfx.notEqual(x, tfx.zerosLike(x));
  return tfx.cast(x, dtype);
}
