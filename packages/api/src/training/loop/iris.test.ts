import '@lamina/backend-cpu';
import { iris } from '@lamina/datasets';
import { dispose, memory, setSeed } from '../../index';
import type { Tensor } from '../../tensor/tensor';
import { Mlp } from '../__tests__/mlp';
import { compileModel, evaluateModel, fitModel, getOptimizer } from '../index';
import { adam } from '../optimizers';

/** Standardise features with the training set's mean and std (plain numbers). */
function standardise(x: { data: Float32Array | Int32Array | Uint8Array; shape: number[] }, mean: number[], std: number[]) {
  const d = Float32Array.from(x.data, (v, i) => (v - mean[i % 4]!) / std[i % 4]!);
  return { data: d, shape: x.shape };
}

test('an MLP on iris reaches > 95% test accuracy', async () => {
  setSeed(2024);
  const { train, test } = iris.loadSync();
  const n = train.x.shape[0]!;
  const mean = [0, 1, 2, 3].map((k) => { let s = 0; for (let i = 0; i < n; i++) s += train.x.data[i * 4 + k]!; return s / n; });
  const std = [0, 1, 2, 3].map((k) => { let s = 0; for (let i = 0; i < n; i++) s += (train.x.data[i * 4 + k]! - mean[k]!) ** 2; return Math.sqrt(s / n); });
  const before = memory().numTensors;
  const m = new Mlp(4, 3, { hidden: 8, activation: 'softmax' });
  compileModel(m, { optimizer: adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const h = await fitModel(m, standardise(train.x, mean, std), train.y, { epochs: 100, batchSize: 16, verbose: 0 });
  expect(h.history.accuracy![99]!).toBeGreaterThan(0.95);
  const [loss, acc] = (await evaluateModel(m, standardise(test.x, mean, std), test.y)) as Tensor[];
  expect(acc!.scalarValue()).toBeGreaterThan(0.95);
  expect(loss!.scalarValue()).toBeLessThan(0.3);
  dispose([loss!, acc!]);
  getOptimizer(m).dispose();
  m.dispose();
  expect(memory().numTensors).toBe(before);
});
