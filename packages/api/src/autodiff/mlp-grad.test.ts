import '@lamina/backend-cpu';
import { memory, tidy } from '../engine/scope';
import * as ops from '../ops';
import { oneHot } from '../ops/movement';
import { randomNormal, tensor } from '../tensor/create';
import { variable, type Variable } from '../tensor/variable';
import { variableGrads } from './grad';

// A two-layer MLP with softmax cross-entropy, written with plain ops.
function mlpLoss(x: ReturnType<typeof tensor>, labels: ReturnType<typeof tensor>, w: Variable[]): ReturnType<typeof tensor> {
  const [w1, b1, w2, b2] = w as [Variable, Variable, Variable, Variable];
  const h = ops.tanh(ops.add(ops.matMul(x, w1), b1));
  const logits = ops.add(ops.matMul(h, w2), b2);
  return ops.neg(ops.mean(ops.sum(ops.mul(labels, ops.logSoftmax(logits)), -1)));
}

test('two-layer MLP cross-entropy gradient matches finite differences (relative error < 1e-3)', () => {
  const x = randomNormal([8, 5], 0, 1, 'float32', 1);
  const labels = oneHot(tensor([0, 1, 2, 1, 0, 2, 2, 1], [8], 'int32'), 3);
  const weights = [
    variable(randomNormal([5, 6], 0, 0.5, 'float32', 2), true, 'w1'),
    variable(randomNormal([6], 0, 0.1, 'float32', 3), true, 'b1'),
    variable(randomNormal([6, 3], 0, 0.5, 'float32', 4), true, 'w2'),
    variable(randomNormal([3], 0, 0.1, 'float32', 5), true, 'b2'),
  ];
  const before = memory().numTensors;
  const { value, grads } = variableGrads(() => mlpLoss(x, labels, weights), weights);
  expect(value.scalarValue()).toBeGreaterThan(0.5);
  const eps = 1e-2;
  let diff2 = 0;
  let norm2 = 0;
  for (const w of weights) {
    const base = Float32Array.from(w.dataSync());
    const analytic = grads[w.name]!.dataSync();
    for (let i = 0; i < base.length; i++) {
      const at = (delta: number): number => {
        const loss = tidy(() => {
          const p = Float32Array.from(base);
          p[i] = base[i]! + delta;
          w.assign(tensor(p, w.shape));
          return mlpLoss(x, labels, weights);
        });
        const v = loss.scalarValue();
        loss.dispose();
        return v;
      };
      const lossPlus = at(eps);
      const lossMinus = at(-eps);
      const numeric = (lossPlus - lossMinus) / (2 * eps);
      diff2 += (analytic[i]! - numeric) ** 2;
      norm2 += numeric ** 2;
    }
    tidy(() => w.assign(tensor(base, w.shape)));
  }
  const relative = Math.sqrt(diff2) / Math.sqrt(norm2);
  expect(relative).toBeLessThan(1e-3);
  value.dispose();
  Object.values(grads).forEach((g) => g.dispose());
  expect(memory().numTensors).toBe(before);
});
