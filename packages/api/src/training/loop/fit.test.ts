import '@lamina/backend-cpu';
import { memory, setSeed, tensor, dispose } from '../../index';
import type { Tensor } from '../../tensor/tensor';
import { blobs, Mlp, oneHotRows } from '../__tests__/mlp';
import { compileModel, evaluateModel, fitDatasetModel, fitModel, getOptimizer, predictModel, predictOnBatchModel, trainOnBatchModel, metricsNames } from '../index';

const mem = () => ({ t: memory().numTensors, h: memory().numDataHandles });

describe('fit / evaluate / predict on a small MLP', () => {
  test('learns a 3-class problem; History has loss, acc, val_ entries', async () => {
    setSeed(1);
    const { x, labels } = blobs(150, 3);
    const m = new Mlp(2, 3, { activation: 'softmax' });
    compileModel(m, { optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
    const before = mem();
    const h = await fitModel(m, x, oneHotRows(labels, 3), { epochs: 30, batchSize: 16, verbose: 0, validationSplit: 0.2 });
    // all that remains is Adam's m and v per weight, owned by the optimizer
    const slots = 2 * m.trainableWeights.length;
    expect(mem()).toEqual({ t: before.t + slots, h: before.h + slots });
    expect(h.epoch).toEqual([...Array(30).keys()]);
    expect(Object.keys(h.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(h.history.loss![29]!).toBeLessThan(h.history.loss![0]!);
    expect(h.history.acc![29]!).toBeGreaterThan(0.95);
    expect(h.history.val_acc![29]!).toBeGreaterThan(0.95);
    const ev = (await evaluateModel(m, x, oneHotRows(labels, 3))) as Tensor[];
    expect(ev.length).toBe(2);
    expect(ev[1]!.scalarValue()).toBeGreaterThan(0.95);
    dispose(ev);
    const p = (await predictModel(m, x, { batchSize: 7 })) as Tensor;
    expect(p.shape).toEqual([150, 3]);
    const direct = predictOnBatchModel(m, x) as Tensor;
    Array.from(p.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(direct.dataSync()[i]!, 5));
    dispose([p, direct]);
    getOptimizer(m).dispose();
    expect(mem()).toEqual(before);
    m.dispose();
  });

  test('reproducible after setSeed: identical weights and losses', async () => {
    const run = async () => {
      setSeed(42);
      const { x, labels } = blobs(60, 2);
      const m = new Mlp(2, 1, { activation: 'sigmoid' });
      compileModel(m, { optimizer: 'sgd', loss: 'binary_crossentropy', metrics: ['accuracy'] });
      const h = await fitModel(m, x, labels.map((l) => [l]), { epochs: 3, batchSize: 8, verbose: 0 });
      const w = m.trainableWeights.map((v) => Array.from(v.dataSync()));
      getOptimizer(m).dispose();
      m.dispose();
      return { w, loss: h.history.loss };
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
  });

  test('no leaks with every option; sample and class weights change the result', async () => {
    setSeed(3);
    const { x, labels } = blobs(40, 2);
    const m = new Mlp(2, 2, { activation: 'softmax', l2: 0.01 });
    compileModel(m, { optimizer: new (await import('../optimizers')).SGD({ learningRate: 0.1, momentum: 0.9 }), loss: 'sparse_categorical_crossentropy', metrics: ['accuracy', 'sparse_categorical_accuracy'] });
    const xt = tensor(x);
    const yt = tensor(labels, [40], 'int32');
    const sw = tensor(labels.map((l) => (l ? 2 : 1)), [40]);
    await fitModel(m, xt, yt, { epochs: 1, verbose: 0 }); // build optimizer slots first
    const before = mem();
    const h = await fitModel(m, xt, yt, {
      epochs: 2, batchSize: 7, verbose: 0, shuffle: true, sampleWeight: sw, classWeight: { 0: 1, 1: 3 },
      validationData: [xt, yt], stepsPerEpoch: 3, initialEpoch: 1,
    });
    expect(h.epoch).toEqual([1]);
    expect(Object.keys(h.history).sort()).toEqual(['accuracy', 'loss', 'sparse_categorical_accuracy', 'val_accuracy', 'val_loss', 'val_sparse_categorical_accuracy']);
    await fitModel(m, { input: x }, { output: labels.map((l) => [l]) }, { epochs: 1, verbose: 0, validationSplit: 0.25, shuffle: false });
    dispose(await evaluateModel(m, xt, yt, { batchSize: 9, sampleWeight: sw }));
    dispose(await predictModel(m, xt, { batchSize: 9 }));
    expect(await trainOnBatchModel(m, xt, yt)).toHaveLength(3);
    expect(mem()).toEqual(before);
    dispose([xt, yt, sw]);
    m.dispose();
  });

  test('bad input is a clear error and leaves the model trainable', async () => {
    setSeed(5);
    const m = new Mlp(2, 1);
    const x = [[0, 1], [1, 0], [1, 1]];
    await expect(fitModel(m, x, [[1], [0], [1]])).rejects.toThrow(/not compiled.*compile/);
    expect(() => compileModel(m, { optimizer: 'adem', loss: 'mse' })).toThrow(/Unknown optimizer 'adem'.*adam/);
    expect(() => compileModel(m, { optimizer: 'adam', loss: 'msee' })).toThrow(/Unknown loss 'msee'.*mean_squared_error/);
    expect(() => compileModel(m, { optimizer: 'adam', loss: 'mse', metrics: ['acuracy'] })).toThrow(/Unknown metric 'acuracy'.*accuracy/);
    expect(() => compileModel(m, { optimizer: 'adam' } as never)).toThrow(/'loss': required/);
    compileModel(m, { optimizer: 'sgd', loss: 'mse' });
    const xt = tensor(x);
    const before = mem();
    await expect(fitModel(m, x, [[1], [0]], { verbose: 0 })).rejects.toThrow(/same number of samples.*x \[3,2\], y \[2,1\]/);
    await expect(fitModel(m, [xt, xt], [[1], [0], [1]], { verbose: 0 })).rejects.toThrow(/1 inputs \(input\) but x holds 2/);
    await expect(fitModel(m, [[1, 2, 3]], [[1]], { verbose: 0 })).rejects.toThrow(/input 'input' expects shape \[null,2\]/);
    await expect(fitModel(m, x, [[1], [0], [1]], { batchSize: -1 } as never)).rejects.toThrow(/'batchSize'.*given -1/);
    await expect(fitModel(m, x, [[1], [0], [1]], { epocs: 2 } as never)).rejects.toThrow(/epocs/);
    expect(mem()).toEqual(before);
    const h = await fitModel(m, x, [[1], [0], [1]], { epochs: 2, verbose: 0 });
    expect(h.history.loss).toHaveLength(2);
    xt.dispose();
    m.dispose();
  });

  test('a second fit while one runs is refused; stopTraining from a callback ends training', async () => {
    setSeed(6);
    const m = new Mlp(2, 1);
    compileModel(m, { optimizer: 'sgd', loss: 'mse' });
    const x = [[0, 1], [1, 0]];
    const first = fitModel(m, x, [[1], [0]], { epochs: 3, verbose: 0 });
    await expect(fitModel(m, x, [[1], [0]], { verbose: 0 })).rejects.toThrow(/already running/);
    await first;
    const h = await fitModel(m, x, [[1], [0]], {
      epochs: 10, verbose: 0, batchSize: 1,
      callbacks: { onBatchEnd: (b: number) => { if (b === 0) m.stopTraining = true; } },
    });
    expect(h.epoch).toEqual([0]);
    m.dispose();
  });

  test('multi-output: per-output losses and metrics by name, loss weights', async () => {
    setSeed(7);
    const { x, labels } = blobs(30, 2);
    const m = new Mlp(2, 1, { outputs: 2, activation: 'sigmoid' });
    const y = labels.map((l) => [l]);
    compileModel(m, { optimizer: 'adam', loss: { out0: 'binaryCrossentropy', out1: 'mse' }, metrics: { out0: ['accuracy'], out1: 'mae' }, lossWeights: [1, 0.5] });
    expect(metricsNames(m)).toEqual(['loss', 'out0_loss', 'out1_loss', 'out0_accuracy', 'out1_mae']);
    const h = await fitModel(m, x, { out0: y, out1: y }, { epochs: 1, verbose: 0, batchSize: 30 });
    const l = h.history;
    expect(l.loss![0]!).toBeCloseTo(l.out0_loss![0]! + 0.5 * l.out1_loss![0]!, 5);
    const p = (await predictModel(m, x)) as Tensor[];
    expect(p.map((t) => t.shape)).toEqual([[30, 1], [30, 1]]);
    dispose(p);
    m.dispose();
  });

  test('fitDataset takes { xs, ys } of { data, shape } and of Tensors, with batchesPerEpoch and validation', async () => {
    setSeed(8);
    const { x, labels } = blobs(64, 2);
    const m = new Mlp(2, 2, { activation: 'softmax' });
    compileModel(m, { optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const plain = {
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < 64; i += 16) {
          yield { xs: { data: Float32Array.from(x.slice(i, i + 16).flat()), shape: [16, 2] }, ys: { data: Int32Array.from(labels.slice(i, i + 16)), shape: [16] } };
        }
      },
    };
    const before = mem();
    const slots = 2 * m.trainableWeights.length;
    const h = await fitDatasetModel(m, plain, { epochs: 3, verbose: 0, validationData: plain });
    expect(h.history.loss).toHaveLength(3);
    expect(h.history.val_accuracy).toHaveLength(3);
    const tens = {
      async *[Symbol.asyncIterator]() {
        for (;;) yield { xs: tensor(x.slice(0, 8)), ys: tensor(labels.slice(0, 8), [8], 'int32') };
      },
    };
    const h2 = await fitDatasetModel(m, tens, { epochs: 2, batchesPerEpoch: 3, verbose: 0, validationData: [x, labels] });
    expect(h2.history.val_loss).toHaveLength(2);
    expect(mem()).toEqual({ t: before.t + slots, h: before.h + slots });
    m.dispose();
  });
});
