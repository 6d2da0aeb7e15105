import type { FusedActivation } from '@lamina/api';
import { backend, expectClose, randn, rng, tensor } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

const ACTS: Record<FusedActivation, (x: number) => number> = {
  linear: (x) => x,
  relu: (x) => Math.max(x, 0),
  relu6: (x) => Math.min(Math.max(x, 0), 6),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  elu: (x) => (x >= 0 ? x : Math.exp(x) - 1),
};

describe('fused.matMulBiasAct', () => {
  const rand = rng(31);
  const [m, k, n] = [37, 50, 41];
  const a = randn(m * k, rand).map((v) => 3 * v);
  const b = randn(k * n, rand);
  const bias = randn(n, rand);
  const prod = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) prod[i * n + j] += a[i * k + p] * b[p * n + j];

  test.each(Object.keys(ACTS) as FusedActivation[])('act = %s, with and without bias', (act) => {
    const ta = tensor(be, a, [m, k]);
    const tb = tensor(be, b, [k, n]);
    const tbias = tensor(be, bias, [n]);
    for (const withBias of [true, false]) {
      const id = be.fused.matMulBiasAct!(ta, tb, withBias ? tbias : null, act, { shape: [m, n], dtype: 'float32' });
      const got = be.readSync({ dataId: id, shape: [m, n], dtype: 'float32' });
      expectClose(got, prod.map((v, i) => ACTS[act](v + (withBias ? bias[i % n] : 0))), 1e-4, 1e-4);
      be.dispose(id);
    }
    [ta, tb, tbias].forEach((t) => be.dispose(t.dataId));
  });

  test('rejects non-2-D operands with a clear error', () => {
    const ta = tensor(be, a, [m * k]);
    const tb = tensor(be, b, [k, n]);
    expect(() => be.fused.matMulBiasAct!(ta, tb, null, 'relu', { shape: [m, n], dtype: 'float32' })).toThrow(/needs a \[m, k\] and b \[k, n\]/);
    [ta, tb].forEach((t) => be.dispose(t.dataId));
  });
});
