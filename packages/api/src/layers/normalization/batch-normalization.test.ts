import { tensor } from '../../index';
import { batchNormalization } from '../index';
import { layerTest, seededValues } from '../__tests__/layer-test';

/** Per-channel (last axis) batch statistics of a flat [n, c] view. */
function stats(x: number[], c: number): { mean: number[]; variance: number[] } {
  const n = x.length / c;
  const mean = Array.from({ length: c }, (_, k) => Array.from({ length: n }, (_, i) => x[i * c + k]!).reduce((a, v) => a + v, 0) / n);
  const variance = mean.map((m, k) => Array.from({ length: n }, (_, i) => (x[i * c + k]! - m) ** 2).reduce((a, v) => a + v, 0) / n);
  return { mean, variance };
}
const normalize = (x: number[], c: number, m: number[], v: number[], g: number[], b: number[], eps = 1e-3): number[] =>
  x.map((val, i) => ((val - m[i % c]!) / Math.sqrt(v[i % c]! + eps)) * g[i % c]! + b[i % c]!);

layerTest('batchNormalization inference (moving statistics)', {
  make: () => batchNormalization(),
  inputShapes: [[4, 3]],
  expectedShape: [4, 3],
  reference: ([x], [g, b, mm, mv]) => normalize(x!, 3, mm!, mv!, g!, b!),
});

layerTest('batchNormalization training (batch statistics) on images', {
  make: () => batchNormalization({ epsilon: 1e-3 }),
  inputShapes: [[2, 2, 2, 3]],
  expectedShape: [2, 2, 2, 3],
  training: true,
  gradTraining: true,
  reference: ([x], [g, b]) => {
    const { mean, variance } = stats(x!, 3);
    return normalize(x!, 3, mean, variance, g!, b!);
  },
});

describe('batchNormalization state', () => {
  test('weights in tfjs order; moving stats updated in training only; frozen runs in inference mode', () => {
    const bn = batchNormalization({ momentum: 0.9 });
    const vals = seededValues(12, 4);
    const x = tensor(vals, [4, 3]);
    bn.apply(x, { training: false }).dispose();
    expect(bn.weights.map((w) => w.name.split('/')[1])).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
    expect(bn.trainableWeights.length).toBe(2);
    expect(Array.from(bn.movingMean.dataSync())).toEqual([0, 0, 0]);
    bn.apply(x, { training: true }).dispose();
    const { mean, variance } = stats(vals, 3);
    Array.from(bn.movingMean.dataSync()).forEach((v, k) => expect(v).toBeCloseTo(0.1 * mean[k]!, 5));
    Array.from(bn.movingVariance.dataSync()).forEach((v, k) => expect(v).toBeCloseTo(0.9 + 0.1 * variance[k]!, 5));
    bn.trainable = false;
    expect(bn.trainableWeights.length).toBe(0);
    const before = Array.from(bn.movingMean.dataSync());
    const y = bn.apply(x, { training: true }) as ReturnType<typeof tensor>;
    expect(Array.from(bn.movingMean.dataSync())).toEqual(before);
    const mm = before;
    const mv = Array.from(bn.movingVariance.dataSync());
    const want = normalize(vals, 3, mm, mv, [1, 1, 1], [0, 0, 0]);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 4));
    y.dispose();
    x.dispose();
    bn.dispose();
  });
});
