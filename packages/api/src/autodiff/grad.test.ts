import '@lamina/backend-cpu';
import { memory } from '../engine/scope';
import * as ops from '../ops';
import { tensor } from '../tensor/create';
import type { Tensor } from '../tensor/tensor';
import { variable } from '../tensor/variable';
import { customGrad, grad, grads, valueAndGrad, variableGrads } from './grad';
import { stopGradient } from './stop-gradient';

describe('gradient functions', () => {
  test('grad and valueAndGrad of x^3 + sin x', () => {
    const f = (x: Tensor) => ops.sum(ops.add(ops.pow(x, 3), ops.sin(x)));
    const x = tensor([0.5, -1, 2]);
    const g = grad(f)(x).dataSync();
    [0.5, -1, 2].forEach((v, i) => expect(g[i]).toBeCloseTo(3 * v * v + Math.cos(v), 5));
    const { value } = valueAndGrad(f)(x);
    expect(value.scalarValue()).toBeCloseTo(0.125 + Math.sin(0.5) - 1 + Math.sin(-1) + 8 + Math.sin(2), 5);
  });

  test('grads of a broadcast product sums back to each input shape', () => {
    const [ga, gb] = grads((a, b) => ops.sum(ops.mul(a!, b!)))([tensor([[1, 2, 3], [4, 5, 6]]), tensor([10, 20, 30])]);
    expect(ga!.arraySync()).toEqual([[10, 20, 30], [10, 20, 30]]);
    expect(gb!.arraySync()).toEqual([5, 7, 9]);
  });

  test('a non-scalar result needs dy; dy of the wrong shape is an error', () => {
    const x = tensor([1, 2]);
    expect(() => grad((t) => ops.square(t))(x)).toThrow(/must return a scalar/);
    expect(grad((t) => ops.square(t))(x, tensor([1, 10])).arraySync()).toEqual([2, 40]);
    expect(() => grad((t) => ops.square(t))(x, tensor([1]))).toThrow(/dy has shape \[1\]/);
  });

  test('customGrad replaces the rule; stopGradient blocks the flow', () => {
    // clip the gradient of identity to [-1, 1] regardless of dy
    const clipped = customGrad((x) => ({ value: ops.mul(x!, 1), gradFunc: (dy) => ops.clipByValue(dy, -1, 1) }));
    const g = grad((x) => ops.sum(ops.mul(clipped(x), 5)))(tensor([1, 2]));
    expect(g.arraySync()).toEqual([1, 1]);
    const h = grad((x) => ops.sum(ops.add(ops.mul(x, x), stopGradient(ops.mul(x, 100)))))(tensor([3]));
    expect(h.arraySync()).toEqual([6]);
  });

  test('variableGrads: unused variables get zeros; nothing leaks', () => {
    const a = variable(tensor([1, 2]), true, 'grad_test_a');
    const b = variable(tensor([5]), true, 'grad_test_b');
    const before = memory().numTensors;
    const { value, grads: g } = variableGrads(() => ops.sum(ops.square(a)), [a, b]);
    expect(g.grad_test_a!.arraySync()).toEqual([2, 4]);
    expect(g.grad_test_b!.arraySync()).toEqual([0]);
    value.dispose();
    Object.values(g).forEach((t) => t.dispose());
    expect(memory().numTensors).toBe(before);
  });
});

test('inside a gradient function, a tensor the user disposed cannot be used again', () => {
  const x = tensor([1, 2]);
  expect(() => grad((t) => {
    const y = ops.square(t);
    y.dispose();
    return ops.sum(y);
  })(x)).toThrow(/was disposed/);
  expect(grad((t) => ops.sum(ops.square(t)))(x).arraySync()).toEqual([2, 4]); // state is intact afterwards
});
