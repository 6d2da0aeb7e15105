import '@lamina/backend-cpu';
import { tensor, memory, tidy, valueAndGrad } from '../../index';
import type { Tensor } from '../../tensor/tensor';
import * as L from './index';

const E = 1e-7;
const clip = (p: number, lo = E, hi = Math.fround(1 - E)): number => Math.min(Math.max(p, lo), hi);
const meanOf = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
const sumOf = (a: number[]): number => a.reduce((s, v) => s + v, 0);
const rows = <T>(a: T[][], f: (t: T[], i: number) => number): number[] => a.map(f);

const T = [[0, 1, 0], [1, 0, 0]];
const P = [[0, 1, 0], [0.2, 0.5, 0.3]]; // exact 0 and 1 probabilities on purpose
const R1 = [[1.5, -2, 0.5], [3, 0, -1]];
const R2 = [[1, -1.5, 2.5], [0.5, 0.25, -3]];

function perSample(fn: (t: Tensor, p: Tensor) => Tensor, t: number[][], p: number[][]): number[] {
  return tidy(() => Array.from(fn(tensor(t), tensor(p)).dataSync()));
}
function expectClose(got: number[], want: number[], digits = 4): void {
  expect(got.length).toBe(want.length);
  // relative tolerance: float32 results against float64 references
  got.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(10 ** -digits * Math.max(1, Math.abs(want[i]!))));
}

describe('losses against reference formulas', () => {
  test('regression losses', () => {
    const d = (f: (a: number, b: number) => number) => rows(R1, (t, i) => meanOf(t.map((v, j) => f(v, R2[i]![j]!))));
    expectClose(perSample(L.meanSquaredError, R1, R2), d((a, b) => (b - a) ** 2));
    expectClose(perSample(L.meanAbsoluteError, R1, R2), d((a, b) => Math.abs(b - a)));
    expectClose(perSample(L.meanAbsolutePercentageError, R1, R2), d((a, b) => (100 * Math.abs(a - b)) / Math.max(Math.abs(a), E)), 1);
    expectClose(perSample(L.meanSquaredLogarithmicError, R1, R2),
      d((a, b) => (Math.log(Math.max(b, E) + 1) - Math.log(Math.max(a, E) + 1)) ** 2));
    expectClose(perSample((t, p) => L.huber(t, p, 1), R1, R2), d((a, b) => {
      const e = Math.abs(b - a);
      return e <= 1 ? 0.5 * e * e : e - 0.5;
    }));
    expectClose(perSample(L.logCosh, R1, R2), d((a, b) => Math.log(Math.cosh(b - a))));
    // logCosh stays finite where cosh overflows
    expect(perSample(L.logCosh, [[0]], [[200]])[0]).toBeCloseTo(200 - Math.LN2, 2);
  });

  test('binary crossentropy: probabilities (with 0 and 1), logits, label smoothing', () => {
    const bce = (t: number, p: number): number => -(t * Math.log(clip(p)) + (1 - t) * Math.log(1 - clip(p)));
    const ref = rows(T, (t, i) => meanOf(t.map((v, j) => bce(v, P[i]![j]!))));
    const got = perSample(L.binaryCrossentropy, T, P);
    expectClose(got, ref);
    expect(got.every(Number.isFinite)).toBe(true);
    const logits = [[-30, 30, 0], [2, -1, 0.5]];
    expectClose(perSample((t, p) => L.binaryCrossentropy(t, p, { fromLogits: true }), T, logits),
      rows(T, (t, i) => meanOf(t.map((v, j) => {
        const x = logits[i]![j]!;
        return Math.max(x, 0) - x * v + Math.log1p(Math.exp(-Math.abs(x)));
      }))));
    const s = 0.2;
    expectClose(perSample((t, p) => L.binaryCrossentropy(t, p, { labelSmoothing: s }), T, P),
      rows(T, (t, i) => meanOf(t.map((v, j) => bce(v * (1 - s) + 0.5 * s, P[i]![j]!)))));
  });

  test('categorical and sparse crossentropy', () => {
    const cce = (t: number[], p: number[]): number => {
      const z = sumOf(p);
      return -sumOf(t.map((v, j) => v * Math.log(clip(p[j]! / z))));
    };
    expectClose(perSample(L.categoricalCrossentropy, T, P), rows(T, (t, i) => cce(t, P[i]!)));
    const logits = [[1, 2, 3], [100, -100, 0]];
    const lsm = (x: number[]): number[] => {
      const m = Math.max(...x);
      const l = Math.log(sumOf(x.map((v) => Math.exp(v - m)))) + m;
      return x.map((v) => v - l);
    };
    expectClose(perSample((t, p) => L.categoricalCrossentropy(t, p, { fromLogits: true }), T, logits),
      rows(T, (t, i) => -sumOf(t.map((v, j) => v * lsm(logits[i]!)[j]!))));
    const s = 0.1;
    expectClose(perSample((t, p) => L.categoricalCrossentropy(t, p, { labelSmoothing: s }), T, P),
      rows(T, (t, i) => cce(t.map((v) => v * (1 - s) + s / 3), P[i]!)));
    const sparse = tidy(() => Array.from(L.sparseCategoricalCrossentropy(tensor([1, 0], [2], 'int32'), tensor(P)).dataSync()));
    expectClose(sparse, rows(T, (t, i) => cce(t, P[i]!)));
  });

  test('focal crossentropies', () => {
    const g = 2, a = 0.25;
    const bfc = (t: number, p: number): number => {
      const q = clip(p);
      const bce = -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
      const pt = t * q + (1 - t) * (1 - q);
      return (1 - pt) ** g * bce;
    };
    expectClose(perSample(L.binaryFocalCrossentropy, T, P), rows(T, (t, i) => meanOf(t.map((v, j) => bfc(v, P[i]![j]!)))), 5);
    expectClose(perSample((t, p) => L.binaryFocalCrossentropy(t, p, { applyClassBalancing: true }), T, P),
      rows(T, (t, i) => meanOf(t.map((v, j) => (v * a + (1 - v) * (1 - a)) * bfc(v, P[i]![j]!)))), 5);
    const cfc = (t: number[], p: number[]): number => sumOf(t.map((v, j) => {
      const q = clip(p[j]! / sumOf(p));
      return -a * (1 - q) ** g * v * Math.log(q);
    }));
    expectClose(perSample(L.categoricalFocalCrossentropy, T, P), rows(T, (t, i) => cfc(t, P[i]!)), 5);
  });

  test('kld, poisson, hinges, cosine', () => {
    const Q = [[0.1, 0.6, 0.3], [0.5, 0.25, 0.25]];
    expectClose(perSample(L.kld, Q, P), rows(Q, (t, i) => sumOf(t.map((v, j) => {
      const tt = clip(v, E, 1), pp = clip(P[i]![j]!, E, 1);
      return tt * Math.log(tt / pp);
    }))));
    expectClose(perSample(L.poisson, Q, P), rows(Q, (t, i) => meanOf(t.map((v, j) => P[i]![j]! - v * Math.log(P[i]![j]! + E)))));
    // 0/1 labels are mapped to -1/1
    const pm = (v: number): number => 2 * v - 1;
    expectClose(perSample(L.hinge, T, R2), rows(T, (t, i) => meanOf(t.map((v, j) => Math.max(1 - pm(v) * R2[i]![j]!, 0)))));
    expectClose(perSample(L.squaredHinge, T, R2), rows(T, (t, i) => meanOf(t.map((v, j) => Math.max(1 - pm(v) * R2[i]![j]!, 0) ** 2))));
    expectClose(perSample(L.categoricalHinge, T, R2), rows(T, (t, i) => {
      const pos = sumOf(t.map((v, j) => v * R2[i]![j]!));
      const neg = Math.max(...t.map((v, j) => (1 - v) * R2[i]![j]!));
      return Math.max(neg - pos + 1, 0);
    }));
    const nrm = (x: number[]): number[] => x.map((v) => v / Math.sqrt(sumOf(x.map((u) => u * u))));
    expectClose(perSample(L.cosineSimilarity, R1, R2), rows(R1, (t, i) => -sumOf(nrm(t).map((v, j) => v * nrm(R2[i]!)[j]!))));
  });

  test('Loss objects reduce by mean over the batch, with sample weights', () => {
    const loss = new L.MeanSquaredError();
    const per = perSample(L.meanSquaredError, R1, R2);
    expect(tidy(() => loss.call(tensor(R1), tensor(R2)).scalarValue())).toBeCloseTo(meanOf(per), 5);
    const w = tidy(() => loss.call(tensor(R1), tensor(R2), tensor([2, 0])).scalarValue());
    expect(w).toBeCloseTo((2 * per[0]!) / 2, 5);
  });

  test('names in snake_case, camelCase and aliases; unknown names list the known ones', () => {
    for (const n of ['categorical_crossentropy', 'categoricalCrossentropy', 'CategoricalCrossentropy']) {
      expect(L.getLoss(n).name).toBe('categorical_crossentropy');
    }
    expect(L.getLoss('mse').name).toBe('mean_squared_error');
    expect(L.getLoss('kld').name).toBe('kl_divergence');
    expect(() => L.getLoss('meanSquaredErr')).toThrow(/Unknown loss 'meanSquaredErr'.*mean_squared_error.*cosine_similarity/);
  });

  test('gradients stay finite at probabilities 0 and 1, and nothing leaks', () => {
    const before = memory().numTensors;
    const t = tensor([[1, 0]]);
    const { value, grad } = valueAndGrad((p: Tensor) => new L.BinaryCrossentropy().call(t, p))(tensor([[1, 0]]));
    expect(Number.isFinite(value.scalarValue())).toBe(true);
    expect(Array.from(grad.dataSync()).every(Number.isFinite)).toBe(true);
    value.dispose(); grad.dispose(); t.dispose();
    expect(memory().numTensors).toBe(before + 1); // the input tensor created inline above
  });
});
