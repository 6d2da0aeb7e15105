import * as tf from '@tensorflow/tfjs-core';
import { getBackend, Tensor, type DType } from '@lamina/api';
import { TfjsBackend } from './tfjs-backend';

/**
 * Moving tensors between Lamina and TensorFlow.js. On the tfjs backend both directions share
 * the stored data: a same-shape reshape is a second reference to the same buffer on every
 * engine (tf.clone copies on wasm). Elsewhere the values are copied once.
 */

const share = (x: tf.Tensor): tf.Tensor => tf.reshape(x, x.shape);

/** A tf.Tensor with `t`'s values. The caller owns it (dispose it); `t` stays valid. */
export function toTf(t: Tensor): tf.Tensor {
  t.assertAlive('toTf');
  if (t.backend instanceof TfjsBackend) return share(t.backend.tensorOf(t, 'toTf'));
  return tf.tensor(t.dataSync(), t.shape, t.dtype);
}

const LAMINA_DTYPES: readonly string[] = ['float32', 'int32', 'bool'];

/** A Lamina tensor on the active backend with `x`'s values. `x` stays valid; the caller still owns it. */
export function fromTf(x: tf.Tensor): Tensor {
  if (!LAMINA_DTYPES.includes(x.dtype)) {
    throw new Error(`fromTf: Lamina has no ${x.dtype} tensors; cast it first (tf.cast(x, 'float32')).`);
  }
  const dtype = x.dtype as DType;
  const backend = getBackend();
  if (backend instanceof TfjsBackend) {
    backend.activate();
    return new Tensor(backend.adopt(share(x)), x.shape, dtype, backend);
  }
  return new Tensor(backend.write(x.dataSync() as Float32Array | Int32Array | Uint8Array, x.shape, dtype), x.shape, dtype, backend);
}
