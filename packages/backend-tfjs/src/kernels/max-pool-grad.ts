import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@lamina/api';
import { padInput, paddedShape, unpad } from './padding';

/**
 * maxPoolGrad from kernels every engine gets right, for the wasm engine: its MaxPoolGrad
 * misroutes gradients when windows overlap or the input holds -inf (our padding).
 * Each window tap (i, j) in row-major order takes dy where it is the first to equal the
 * window's max (the rule backend-cpu uses); Conv2DBackpropInput then scatters every tap's
 * share back to its input pixel in one call.
 */
export function maxPoolGradByTaps(dy: tf.Tensor, x: tf.Tensor, y: tf.Tensor, c: Conv2DInfo): tf.Tensor {
  const { batch: B, outHeight: OH, outWidth: OW, inChannels: C, filterHeight: fh, filterWidth: fw } = c;
  const sh = c.strideHeight, sw = c.strideWidth;
  const xp = padInput(x, c, -Infinity);
  let taken = tf.cast(tf.zerosLike(y), 'bool');
  const shares: tf.Tensor[] = [];
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const tap = tf.stridedSlice(xp, [0, i, j, 0], [B, i + (OH - 1) * sh + 1, j + (OW - 1) * sw + 1, C], [1, sh, sw, 1]);
      const first = tf.logicalAnd(tf.equal(tap, y), tf.logicalNot(taken));
      taken = tf.logicalOr(taken, first);
      shares.push(tf.where(first, dy, tf.zerosLike(dy)));
    }
  }
  // Channels ride in the batch; taps become channels: [B*C, OH, OW, fh*fw].
  const stacked = tf.reshape(tf.transpose(tf.stack(shares, 0), [1, 4, 2, 3, 0]), [B * C, OH, OW, fh * fw]);
  const scatter = tf.reshape(tf.eye(fh * fw), [fh, fw, 1, fh * fw]); // tap (i, j) writes at offset (i, j)
  const [, Hp, Wp] = paddedShape(c);
  const dxp = tf.engine().runKernel('Conv2DBackpropInput', { dy: stacked, filter: scatter }, {
    strides: [sh, sw], pad: 'valid', dataFormat: 'NHWC', inputShape: [B * C, Hp, Wp, 1],
  } as unknown as tf.NamedAttrMap) as tf.Tensor;
  const nhwc = tf.transpose(tf.reshape(dxp, [B, C, Hp, Wp]), [0, 2, 3, 1]);
  return unpad(nhwc, c);
}
