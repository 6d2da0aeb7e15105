// Kernel and training-step benchmarks: Lamina on backend-cpu vs @tensorflow/tfjs on its cpu backend, same run.
import * as lm from '@lamina/api';
import '@lamina/backend-cpu';
import * as tf from '@tensorflow/tfjs';
import { timeIt, type Row } from './timing';

export async function kernelRows(): Promise<Row[]> {
  await tf.setBackend('cpu');
  lm.setBackend('cpu');
  const rows: Row[] = [];
  const pair = async (name: string, l: () => void, t: () => void): Promise<void> => {
    rows.push({ name, lamina: await timeIt(l), peer: await timeIt(t) });
  };

  const la = lm.randomNormal([256, 784], 0, 1, 'float32', 1);
  const lb = lm.randomNormal([784, 128], 0, 1, 'float32', 2);
  const ta = tf.tensor(la.dataSync(), [256, 784]);
  const tb = tf.tensor(lb.dataSync(), [784, 128]);
  await pair('matMul 256x784 · 784x128', () => lm.matMul(la, lb).dispose(), () => tf.matMul(ta, tb).dataSync());

  const lx = lm.randomNormal([16, 28, 28, 16], 0, 1, 'float32', 3);
  const lw = lm.randomNormal([3, 3, 16, 32], 0, 1, 'float32', 4);
  const tx = tf.tensor(lx.dataSync(), lx.shape);
  const tw = tf.tensor(lw.dataSync(), lw.shape as [number, number, number, number]);
  await pair('conv2d [16,28,28,16] * [3,3,16,32] same', () => lm.conv2d(lx, lw, 1, 'same').dispose(),
    () => tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, 1, 'same').dataSync());

  // one SGD step of a 784-128-10 MLP on a batch of 128 (forward, backward, update)
  const x = lm.randomNormal([128, 784], 0, 1, 'float32', 5);
  const y = lm.oneHot(lm.tensor(Int32Array.from({ length: 128 }, (_, i) => i % 10), [128], 'int32'), 10);
  const ws = [lm.randomNormal([784, 128], 0, 0.05, 'float32', 6), lm.zeros([128]), lm.randomNormal([128, 10], 0, 0.05, 'float32', 7), lm.zeros([10])];
  const lv = ws.map((w, i) => lm.variable(w, true, `bench_w${i}`));
  const tv = ws.map((w) => tf.variable(tf.tensor(w.dataSync(), w.shape)));
  const tX = tf.tensor(x.dataSync(), x.shape);
  const tY = tf.tensor(y.dataSync(), y.shape);
  const lStep = (): void => lm.tidy(() => {
    const { grads } = lm.variableGrads(() => {
      const h = lm.relu(x.matMul(lv[0]!).add(lv[1]!));
      return lm.neg(lm.mean(lm.sum(y.mul(lm.logSoftmax(h.matMul(lv[2]!).add(lv[3]!))), -1)));
    }, lv);
    for (const v of lv) v.assign(v.sub(grads[v.name]!.mul(0.01)));
  });
  const tStep = (): void => tf.tidy(() => {
    const { grads } = tf.variableGrads(() => {
      const h = tf.relu(tf.add(tf.matMul(tX, tv[0]!), tv[1]!));
      return tf.neg(tf.mean(tf.sum(tf.mul(tY, tf.logSoftmax(tf.add(tf.matMul(h, tv[2]!), tv[3]!))), -1))) as tf.Scalar;
    }, tv);
    tv.forEach((v) => v.assign(tf.sub(v, tf.mul(grads[v.name]!, 0.01))));
    tv[0]!.dataSync();
  });
  await pair('MLP 784-128-10 SGD step, batch 128', lStep, tStep);
  return rows;
}
