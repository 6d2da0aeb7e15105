import '@lamina/backend-cpu';
import { tensor, memory, tidy } from '../../index';
import * as M from './index';

const T = (v: number[] | number[][], dtype?: 'int32') => tensor(v as number[], undefined, dtype);

function run(m: M.Metric, batches: Array<[number[] | number[][], number[] | number[][], number[]?]>): number {
  for (const [t, p, w] of batches) tidy(() => m.updateState(T(t), T(p), w ? T(w) : undefined));
  return m.result();
}

describe('metrics against hand counts', () => {
  test('accuracies average over samples, not batch means', () => {
    // batch 1: 1 of 1 right; batch 2: 1 of 3 right -> 2/4, not mean(1, 1/3)
    expect(run(new M.BinaryAccuracy(), [[[[1]], [[0.9]]], [[[1], [0], [1]], [[0.2], [0.7], [0.6]]]])).toBeCloseTo(2 / 4);
    expect(run(new M.CategoricalAccuracy(), [[[[0, 1], [1, 0], [0, 1]], [[0.3, 0.7], [0.6, 0.4], [0.9, 0.1]]]])).toBeCloseTo(2 / 3);
    expect(run(new M.SparseCategoricalAccuracy(), [[[2, 0, 1], [[0, 0, 1], [0, 1, 0], [0, 1, 0]]]])).toBeCloseTo(2 / 3);
    // true class ranks 1st, 3rd and 2nd: top-2 hits 2 of 3
    expect(run(new M.TopKCategoricalAccuracy({ k: 2 }), [[[[1, 0, 0], [1, 0, 0], [0, 1, 0]], [[0.5, 0.3, 0.2], [0.1, 0.6, 0.3], [0.5, 0.4, 0.1]]]])).toBeCloseTo(2 / 3);
    // weighted: weights 3 and 1, only the first right
    expect(run(new M.CategoricalAccuracy(), [[[[0, 1], [1, 0]], [[0.3, 0.7], [0.1, 0.9]], [3, 1]]])).toBeCloseTo(0.75);
  });

  test('"accuracy" picks binary, categorical or sparse from the loss and shapes', () => {
    expect(run(new M.Accuracy('accuracy', 'binary_crossentropy'), [[[[1], [0]], [[0.8], [0.4]]]])).toBe(1);
    expect(run(new M.Accuracy('accuracy', 'sparse_categorical_crossentropy'), [[[1, 0], [[0.2, 0.8], [0.3, 0.7]]]])).toBe(0.5);
    expect(run(new M.Accuracy('acc', 'categorical_crossentropy'), [[[[0, 1], [1, 0]], [[0.2, 0.8], [0.3, 0.7]]]])).toBe(0.5);
  });

  test('precision, recall, F1 over two batches', () => {
    // tp=2 fp=1 fn=1 in total
    const b: Array<[number[][], number[][]]> = [[[[1], [0]], [[0.9], [0.8]]], [[[1], [1], [0]], [[0.7], [0.1], [0.2]]]];
    expect(run(new M.Precision(), b)).toBeCloseTo(2 / 3);
    expect(run(new M.Recall(), b)).toBeCloseTo(2 / 3);
    // classes via argmax: class0 tp1 fp1 fn0 (F1 2/3), class1 tp0 fp0 fn1 (F1 0), class2 tp1 (F1 1)
    const f1 = new M.F1Score();
    run(f1, [[[[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0.9, 0.1, 0], [0.6, 0.3, 0.1], [0, 0, 1]]]]);
    expect(f1.result()).toBeCloseTo((2 / 3 + 0 + 1) / 3);
    const micro = new M.F1Score({ average: 'micro' });
    expect(run(micro, [[[[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0.9, 0.1, 0], [0.6, 0.3, 0.1], [0, 0, 1]]]])).toBeCloseTo(2 / 3);
  });

  test('AUC ROC and PR', () => {
    // perfectly ranked -> 1; reversed -> 0; one swapped pair of 4 (2 pos x 2 neg) -> 0.75
    expect(run(new M.AUC(), [[[0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]]])).toBeCloseTo(1, 3);
    expect(run(new M.AUC(), [[[1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]]])).toBeCloseTo(0, 3);
    expect(run(new M.AUC(), [[[0, 1, 0, 1], [0.1, 0.3, 0.5, 0.9]]])).toBeCloseTo(0.75, 2);
    // PR for perfect ranking approaches 1
    expect(run(new M.AUC({ curve: 'PR' }), [[[0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]]])).toBeGreaterThan(0.99);
    const pr = run(new M.AUC({ curve: 'PR' }), [[[0, 1, 0, 1], [0.1, 0.3, 0.5, 0.9]]]);
    expect(pr).toBeGreaterThan(0.6);
    expect(pr).toBeLessThan(0.95);
  });

  test('regression metrics, R2 and mean IoU', () => {
    const b: Array<[number[][], number[][]]> = [[[[1], [2]], [[1.5], [2]]], [[[3], [4]], [[2], [5]]]];
    const se = [0.25, 0, 1, 1];
    expect(run(new M.MeanSquaredError(), b)).toBeCloseTo(2.25 / 4);
    expect(run(new M.MeanAbsoluteError(), b)).toBeCloseTo(2.5 / 4);
    expect(run(new M.RootMeanSquaredError(), b)).toBeCloseTo(Math.sqrt(2.25 / 4));
    // SS_tot of 1..4 around 2.5 = 5
    expect(run(new M.R2Score(), b)).toBeCloseTo(1 - se.reduce((a, c) => a + c) / 5);
    // cm rows true, cols pred: [[1,1],[0,2]] -> IoU0 = 1/2, IoU1 = 2/3
    const iou = new M.MeanIoU(2);
    tidy(() => iou.updateState(tensor([0, 0, 1, 1], [4], 'int32'), tensor([0, 1, 1, 1], [4], 'int32')));
    expect(iou.result()).toBeCloseTo((1 / 2 + 2 / 3) / 2);
  });

  test('reset clears state; metrics leak nothing; names resolve', () => {
    const before = memory().numTensors;
    const m = M.getMetric('acc', 'binary_crossentropy');
    expect(m.name).toBe('acc');
    run(m, [[[[1]], [[0.9]]]]);
    m.reset();
    expect(run(m, [[[[1]], [[0.1]]]])).toBe(0);
    expect(memory().numTensors).toBe(before);
    expect(() => M.getMetric('acuracy')).toThrow(/Unknown metric 'acuracy'.*accuracy/);
  });
});
