// Whole-fit benchmark: the same MLP, data, optimizer and batch size in Lamina and tfjs-layers.
import * as lm from '@lamina/api';
import '@lamina/backend-cpu';
import * as tf from '@tensorflow/tfjs';
import { timeIt, type Row } from './timing';

export async function fitRows(): Promise<Row[]> {
  await tf.setBackend('cpu');
  lm.setBackend('cpu');
  const n = 2048;
  const xv = lm.randomUniform([n, 784], 0, 1, 'float32', 11).dataSync();
  const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 10);
  const lx = lm.tensor(xv, [n, 784]);
  const ly = lm.oneHot(lm.tensor(labels, [n], 'int32'), 10);
  const tx = tf.tensor2d(xv, [n, 784]);
  const ty = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);

  const lModel = lm.sequential({ layers: [
    lm.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
    lm.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
  lModel.compile({ optimizer: lm.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const tModel = tf.sequential({ layers: [
    tf.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ] });
  tModel.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const args = { epochs: 1, batchSize: 64, verbose: 0 as const, shuffle: true };
  const lamina = await timeIt(() => lModel.fit(lx, ly, args), { warmup: 1, iters: 3 });
  const peer = await timeIt(() => tModel.fit(tx, ty, args), { warmup: 1, iters: 3 });
  return [{ name: `fit 1 epoch, ${n} x 784, MLP 784-128-10, adam, batch 64`, lamina, peer }];
}
