import * as tf from '@tensorflow/tfjs-core';
import type { FusedActivation } from '@lamina/api';

/** Batched matmul (batch dims broadcast) and the fused act(a @ b + bias). Math in float32. */

type T = tf.Tensor;
const f32 = (x: T): T => (x.dtype === 'float32' ? x : tf.cast(x, 'float32'));

/** Broadcasts the batch dims of both sides to one shape (tfjs 4.22 miscomputes e.g. [2,1,3,4] x [3,4,2]). */
function broadcastBatch(a: T, b: T): [T, T] {
  const ab = a.shape.slice(0, -2);
  const bb = b.shape.slice(0, -2);
  if (ab.length === bb.length && ab.every((d, i) => d === bb[i])) return [a, b];
  const rank = Math.max(ab.length, bb.length);
  const batch: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = ab[ab.length - rank + i] ?? 1;
    const db = bb[bb.length - rank + i] ?? 1;
    batch.push(da === 1 ? db : da);
  }
  const to = (x: T): T => tf.broadcastTo(x, [...batch, ...x.shape.slice(-2)]);
  return [to(a), to(b)];
}

export function matMul(a: T, b: T, transposeA: boolean, transposeB: boolean): T {
  const [a1, b1] = broadcastBatch(f32(a), f32(b));
  return tf.matMul(a1, b1, transposeA, transposeB);
}

/** tfjs fuses these activations into the matmul; tanh is applied after. */
const TFJS_FUSED = new Set<FusedActivation>(['linear', 'relu', 'relu6', 'sigmoid', 'elu']);

export function matMulBiasAct(a: T, b: T, bias: T | null, act: FusedActivation): T {
  if (!TFJS_FUSED.has(act) && act !== 'tanh') {
    throw new Error(`matMulBiasAct: unknown activation '${String(act)}'. Known: linear, relu, relu6, sigmoid, tanh, elu`);
  }
  const activation = act === 'tanh' ? 'linear' : (act as 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'elu');
  const y = tf.fused.matMul({ a: f32(a), b: f32(b), bias: bias ? f32(bias) : undefined, activation });
  return act === 'tanh' ? tf.tanh(y) : y;
}
