// The README's main job: train a small classifier on bundled-free synthetic data and print
// the loss falling. (It grows into the MNIST CNN once layers and fit land.)
import * as lm from '@lamina/api';
import '@lamina/backend-cpu';

lm.setSeed(42);
// Two interleaved spirals: not linearly separable, so the hidden layer has to work.
const n = 400;
const xs = new Float32Array(n * 2);
const ys = new Int32Array(n);
for (let i = 0; i < n; i++) {
  const cls = i % 2;
  const r = (i / n) * 4 + 0.2;
  const t = r * 1.8 + cls * Math.PI;
  xs[2 * i] = (r * Math.cos(t)) / 4;
  xs[2 * i + 1] = (r * Math.sin(t)) / 4;
  ys[i] = cls;
}
const x = lm.tensor(xs, [n, 2]);
const y = lm.oneHot(lm.tensor(ys, [n], 'int32'), 2);

const w1 = lm.variable(lm.randomNormal([2, 32], 0, 1, 'float32', 1), true, 'w1');
const b1 = lm.variable(lm.zeros([32]), true, 'b1');
const w2 = lm.variable(lm.randomNormal([32, 2], 0, 0.3, 'float32', 2), true, 'w2');
const b2 = lm.variable(lm.zeros([2]), true, 'b2');
const weights = [w1, b1, w2, b2];
const logits = () => lm.tanh(x.matMul(w1).add(b1)).matMul(w2).add(b2);
const loss = () => lm.neg(lm.mean(lm.sum(y.mul(lm.logSoftmax(logits())), -1)));

const lr = 0.5;
for (let step = 0; step <= 600; step++) {
  const value = lm.tidy(() => {
    const { value, grads } = lm.variableGrads(loss, weights);
    for (const w of weights) w.assign(w.sub(grads[w.name]!.mul(lr)));
    return value;
  });
  if (step % 100 === 0) {
    const acc = lm.tidy(() => lm.mean(lm.equal(lm.argMax(logits(), 1), lm.argMax(y, 1))).scalarValue());
    console.log(`step ${String(step).padStart(3)}  loss ${value.scalarValue().toFixed(4)}  accuracy ${(acc * 100).toFixed(1)}%`);
  }
  value.dispose();
}
console.log(`live tensors at the end: ${lm.memory().numTensors} (inputs and weights)`);
