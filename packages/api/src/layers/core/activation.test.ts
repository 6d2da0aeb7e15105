import { activation } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { getActivation } from '../../activations';
import { tensor } from '../../index';

const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7)
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const refs: Record<string, (v: number) => number> = {
  linear: (v) => v,
  relu: (v) => Math.max(0, v),
  relu6: (v) => Math.min(6, Math.max(0, v)),
  elu: (v) => (v > 0 ? v : Math.exp(v) - 1),
  selu: (v) => 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * (Math.exp(v) - 1)),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  hardSigmoid: (v) => Math.min(1, Math.max(0, 0.2 * v + 0.5)),
  tanh: Math.tanh,
  softplus: (v) => Math.log1p(Math.exp(v)),
  softsign: (v) => v / (1 + Math.abs(v)),
  swish: (v) => v / (1 + Math.exp(-v)),
  mish: (v) => v * Math.tanh(Math.log1p(Math.exp(v))),
  gelu: (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)),
  gelu_new: (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))),
  leakyRelu: (v) => (v > 0 ? v : 0.2 * v),
};

layerTest('activation tanh', {
  skipGrad: true,
  make: () => activation({ activation: 'tanh' }),
  inputShapes: [[2, 3]],
  expectedShape: [2, 3],
  reference: ([x]) => x!.map(Math.tanh),
});

test('every named activation matches its formula (tfjs names)', () => {
  const xs = [-3, -1.2, -0.3, 0.4, 1.7, 5];
  const x = tensor(xs);
  for (const [name, f] of Object.entries(refs)) {
    const y = getActivation(name).apply(x);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(f(xs[i]!), 4));
    y.dispose();
  }
  const s = getActivation('softmax').apply(x);
  const e = xs.map((v) => Math.exp(v));
  const z = e.reduce((a, b) => a + b);
  Array.from(s.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(e[i]! / z, 5));
  s.dispose();
  x.dispose();
  expect(() => getActivation('nope')).toThrow(/unknown activation 'nope'.*'relu'/);
});
