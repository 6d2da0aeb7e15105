import * as tf from '@tensorflow/tfjs-core';
import {
  add, avgPool, conv2d, logSoftmax, matMul, maxPool, mean, memory, mul, neg, relu, reshape, setBackend, sum, tensor,
  tidy, valueAndGrads, variable, variableGrads, type Backend, type Tensor,
} from '@lamina/api';
import { createCpuBackend } from '@lamina/backend-cpu';
import { rand } from './__tests__/compare';
import { createTfjsBackendAsync } from './tfjs-backend';

/**
 * The same MLP and CNN with the same weights give the same outputs and gradients on
 * backend-cpu and backend-tfjs, and a few epochs of gradient descent end at the same loss.
 */

type Arrays = Float32Array[];

/** max |a - b| / max |b|: one scale for a whole tensor, so tiny entries do not dominate. */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 1e-12;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

const LABELS = [0, 2, 1, 1, 0, 2, 2, 1];
const oneHot = (n: number, k: number): Float32Array => {
  const y = new Float32Array(n * k);
  for (let i = 0; i < n; i++) y[i * k + LABELS[i % LABELS.length]!] = 1;
  return y;
};

/** Mean cross-entropy of logits [n, k] against one-hot labels. */
const crossEntropy = (logits: Tensor, y: Tensor): Tensor => neg(mean(sum(mul(y, logSoftmax(logits)), -1)));

const MLP_SHAPES = [[8, 5], [5, 16], [16], [16, 3], [3]];
function mlp([x, w1, b1, w2, b2]: Tensor[]): Tensor {
  return add(matMul(relu(add(matMul(x!, w1!), b1!)), w2!), b2!);
}

const CNN_SHAPES = [[2, 8, 8, 2], [3, 3, 2, 4], [3, 3, 4, 4], [16, 3]];
function cnn([x, k1, k2, w]: Tensor[]): Tensor {
  const h1 = maxPool(relu(conv2d(x!, k1!, 1, 'same')), 2, 2, 'same'); // [2, 4, 4, 4]
  const h2 = avgPool(relu(conv2d(h1, k2!, 2, 'same')), 3, 1, 'same'); // [2, 2, 2, 4]
  return matMul(reshape(h2, [2, 16]), w!);
}

const inputs = (shapes: number[][], seed: number): Arrays => shapes.map((s, i) => rand(s.reduce((a, b) => a * b, 1), seed + i, -1, 1));

/** Outputs, loss and every input's gradient on `backend`; leaves nothing behind. */
function forwardBackward(backend: Backend, net: (xs: Tensor[]) => Tensor, shapes: number[][], values: Arrays, classes: number) {
  setBackend(backend);
  const before = { tensors: memory().numTensors, handles: backend.numHandles(), tf: tf.memory().numTensors };
  const result = tidy(() => {
    const xs = values.map((v, i) => tensor(v, shapes[i]!));
    const y = tensor(oneHot(shapes[0]![0]!, classes), [shapes[0]![0]!, classes]);
    const out = Float32Array.from(net(xs).dataSync());
    const { value, grads } = valueAndGrads((...ts: Tensor[]) => crossEntropy(net(ts), y))(xs);
    return { out, loss: value.dataSync()[0]!, grads: grads.map((g) => Float32Array.from(g.dataSync())) };
  });
  expect({ tensors: memory().numTensors, handles: backend.numHandles(), tf: tf.memory().numTensors }).toEqual(before);
  return result;
}

/** Plain gradient descent on the MLP's weights; returns the loss after each epoch. */
function train(backend: Backend, values: Arrays, epochs: number, lr: number): number[] {
  setBackend(backend);
  const before = { tensors: memory().numTensors, handles: backend.numHandles(), tf: tf.memory().numTensors };
  const x = tensor(values[0]!, MLP_SHAPES[0]!);
  const y = tensor(oneHot(8, 3), [8, 3]);
  const initial = values.slice(1).map((v, i) => tensor(v, MLP_SHAPES[i + 1]!));
  const weights = initial.map((t, i) => variable(t, true, `w${i}`));
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    tidy(() => {
      const { value, grads } = variableGrads(() => crossEntropy(mlp([x, ...weights]), y), weights);
      losses.push(value.dataSync()[0]!);
      for (const w of weights) w.assign(add(w, mul(grads[w.name]!, -lr)));
    });
  }
  losses.push(tidy(() => crossEntropy(mlp([x, ...weights]), y).dataSync()[0]!));
  for (const t of [x, y, ...initial, ...weights]) t.dispose();
  expect({ tensors: memory().numTensors, handles: backend.numHandles(), tf: tf.memory().numTensors }).toEqual(before);
  return losses;
}

describe.each(['wasm', 'cpu'] as const)('parity with backend-cpu (tfjs %s engine)', (engine) => {
  let tfjs: Backend;
  const cpu = createCpuBackend();
  beforeAll(async () => {
    tfjs = await createTfjsBackendAsync({ engine });
  });

  test.each([
    ['MLP', mlp, MLP_SHAPES, 3],
    ['CNN (conv same, maxPool, strided conv, avgPool same, dense)', cnn, CNN_SHAPES, 3],
  ] as const)('%s: same outputs, loss and gradients', (_name, net, shapes, classes) => {
    const values = inputs(shapes as unknown as number[][], 100);
    const a = forwardBackward(cpu, net, shapes as unknown as number[][], values, classes);
    const b = forwardBackward(tfjs, net, shapes as unknown as number[][], values, classes);
    expect(relDiff(b.out, a.out)).toBeLessThan(1e-4);
    expect(Math.abs(b.loss - a.loss) / Math.abs(a.loss)).toBeLessThan(1e-4);
    expect(b.grads).toHaveLength(shapes.length);
    b.grads.forEach((g, i) => {
      expect(a.grads[i]!.some((v) => v !== 0)).toBe(true); // the gradient is really there
      expect(relDiff(g, a.grads[i]!)).toBeLessThan(1e-4);
    });
  });

  test('gradient descent from the same weights ends at the same loss', () => {
    const values = inputs(MLP_SHAPES, 7);
    const a = train(cpu, values, 8, 0.5);
    const b = train(tfjs, values, 8, 0.5);
    expect(a[a.length - 1]!).toBeLessThan(a[0]! * 0.8); // it learned something
    b.forEach((loss, i) => expect(Math.abs(loss - a[i]!) / a[i]!).toBeLessThan(1e-3));
  });
});
