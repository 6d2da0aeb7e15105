import { ArrayTensor } from '../types';
import { padSequences } from './pad-sequences';
import { minMaxScaler, standardScaler } from './scalers';
import { toCategorical } from './to-categorical';
import { trainTestSplit } from './train-test-split';

describe('toCategorical', () => {
  test('one-hot encodes [n] and [n, 1] labels', () => {
    const out = toCategorical({ data: Uint8Array.of(2, 0, 1), shape: [3] });
    expect(out.shape).toEqual([3, 3]);
    expect(Array.from(out.data)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    const col = toCategorical({ data: Uint8Array.of(1, 3), shape: [2, 1] }, 5);
    expect(col.shape).toEqual([2, 5]);
    expect(Array.from(col.data)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(Array.from(toCategorical([1, 0]).data)).toEqual([0, 1, 1, 0]);
  });

  test('rejects labels out of range', () => {
    expect(() => toCategorical([0, 3], 3)).toThrow('toCategorical: a label is 3 but numClasses is 3; labels must be in [0, 2]');
    expect(() => toCategorical([0, 1.5])).toThrow('toCategorical: label 1 is 1.5');
  });
});

describe('trainTestSplit', () => {
  const n = 100;
  const x: ArrayTensor = { data: Float32Array.from({ length: n * 2 }, (_, i) => i), shape: [n, 2] };
  // 70 of class 0, 30 of class 1
  const y: ArrayTensor = { data: Int32Array.from({ length: n }, (_, i) => (i < 70 ? 0 : 1)), shape: [n] };

  test('sizes, row alignment and seeding', () => {
    const a = trainTestSplit(x, y, { testSize: 0.2, seed: 1 });
    expect(a.train.x.shape).toEqual([80, 2]);
    expect(a.test.x.shape).toEqual([20, 2]);
    // Rows stay aligned: x row r holds (2r, 2r+1) and y row r is r<70 ? 0 : 1.
    for (let i = 0; i < 20; i++) {
      const r = a.test.x.data[2 * i] / 2;
      expect(a.test.x.data[2 * i + 1]).toBe(2 * r + 1);
      expect(a.test.y.data[i]).toBe(r < 70 ? 0 : 1);
    }
    const b = trainTestSplit(x, y, { testSize: 0.2, seed: 1 });
    expect(Array.from(b.test.x.data)).toEqual(Array.from(a.test.x.data));
    const c = trainTestSplit(x, y, { testSize: 0.2, seed: 2 });
    expect(Array.from(c.test.x.data)).not.toEqual(Array.from(a.test.x.data));
    const all = new Set([...Array.from(a.train.x.data), ...Array.from(a.test.x.data)]);
    expect(all.size).toBe(200);
  });

  test('stratify keeps the class proportions', () => {
    const s = trainTestSplit(x, y, { testSize: 0.2, seed: 3, stratify: true });
    const ones = Array.from(s.test.y.data).filter((v) => v === 1).length;
    expect(ones).toBe(6);
    expect(Array.from(s.train.y.data).filter((v) => v === 1).length).toBe(24);
  });

  test('shuffle false takes the last rows; bad sizes are clear errors', () => {
    const s = trainTestSplit(x, y, { testSize: 10, shuffle: false });
    expect(Array.from(s.test.x.data.slice(0, 2))).toEqual([180, 181]);
    expect(() => trainTestSplit(x, y, { testSize: 1.5 })).toThrow('trainTestSplit: testSize 1.5 gives 1.5 test rows of 100');
    expect(() => trainTestSplit(x, { data: new Int32Array(3), shape: [3] })).toThrow('x has 100 rows (shape [100,2]) but y has 3');
  });
});

describe('scalers', () => {
  const train: ArrayTensor = { data: Float32Array.of(1, 10, 3, 10, 5, 10), shape: [3, 2] };
  const testData: ArrayTensor = { data: Float32Array.of(7, 12), shape: [1, 2] };

  test('standardScaler: fitted on train, applied to test', () => {
    const s = standardScaler().fit(train);
    const t = s.transform(train);
    // Feature 0: mean 3, std sqrt(8/3); feature 1 is constant (std taken as 1).
    const std = Math.sqrt(8 / 3);
    expect(Array.from(t.data).map((v) => +v.toFixed(5))).toEqual([-2 / std, 0, 0, 0, 2 / std, 0].map((v) => +v.toFixed(5)));
    const u = s.transform(testData);
    expect(u.data[0]).toBeCloseTo(4 / std, 5);
    expect(u.data[1]).toBeCloseTo(2, 5);
    expect(Array.from(s.inverseTransform(u).data)).toEqual([7, 12]);
  });

  test('minMaxScaler: train range maps to [0, 1], test may leave it', () => {
    const s = minMaxScaler();
    expect(Array.from(s.fitTransform(train).data)).toEqual([0, 0, 0.5, 0, 1, 0]);
    expect(Array.from(s.transform(testData).data)).toEqual([1.5, 2]);
    const r = minMaxScaler({ featureRange: [-1, 1] }).fit(train);
    expect(Array.from(r.transform(train).data)).toEqual([-1, -1, 0, -1, 1, -1]);
  });

  test('errors: transform before fit, feature mismatch', () => {
    expect(() => standardScaler().transform(train)).toThrow('standardScaler.transform: call fit(trainData) first.');
    expect(() => minMaxScaler().fit(train).transform({ data: new Float32Array(3), shape: [1, 3] })).toThrow(
      'minMaxScaler.transform: data has 3 features per row (shape [1,3]) but the scaler was fitted on 2 (shape [3,2]).',
    );
  });
});

describe('padSequences', () => {
  test('pads and truncates like Keras (pre by default)', () => {
    const seqs = [Int32Array.of(1, 2, 3), Int32Array.of(4)];
    expect(Array.from(padSequences(seqs).data)).toEqual([1, 2, 3, 0, 0, 4]);
    const cut = padSequences(seqs, { maxLen: 2 });
    expect(cut.shape).toEqual([2, 2]);
    expect(Array.from(cut.data)).toEqual([2, 3, 0, 4]);
    expect(Array.from(padSequences(seqs, { maxLen: 2, padding: 'post', truncating: 'post' }).data)).toEqual([1, 2, 4, 0]);
  });
});
