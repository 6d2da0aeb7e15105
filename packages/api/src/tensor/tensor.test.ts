import '@lamina/backend-cpu';
import { memory } from '../engine/scope';
import * as ops from '../ops';
import { setSeed } from '../util/random';
import { fill, linspace, ones, randomNormal, randomUniform, range, scalar, tensor, truncatedNormal, zeros } from './create';
import { variable } from './variable';

describe('Tensor', () => {
  test('shape, dtype, size, rank and read-back', async () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect([t.shape, t.dtype, t.size, t.rank]).toEqual([[2, 3], 'float32', 6, 2]);
    expect(await t.array()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(Array.from(await t.data())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor([true, false]).arraySync()).toEqual([true, false]);
    expect(scalar(3).shape).toEqual([]);
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
  });

  test('creation helpers', () => {
    expect(Array.from(range(0, 5, 2).dataSync())).toEqual([0, 2, 4]);
    expect(Array.from(linspace(0, 1, 3).dataSync())).toEqual([0, 0.5, 1]);
    expect(Array.from(fill([2], 7, 'int32').dataSync())).toEqual([7, 7]);
    expect(ones([2, 2]).sum().scalarValue()).toBe(4);
    expect(zeros([3]).dtype).toBe('float32');
  });

  test('ragged or mis-sized input is a clear error', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(/ragged nested array at \[1\]: expected 2 elements/);
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/3 values do not fill shape \[2,2\]/);
  });

  test('seeded random ops repeat exactly; the global seed too', () => {
    const a = randomNormal([100], 0, 1, 'float32', 9).dataSync();
    const b = randomNormal([100], 0, 1, 'float32', 9).dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    setSeed(5);
    const c = Array.from(randomUniform([10]).dataSync());
    setSeed(5);
    expect(Array.from(randomUniform([10]).dataSync())).toEqual(c);
    const n = randomNormal([20000], 2, 3, 'float32', 1);
    expect(n.mean().scalarValue()).toBeCloseTo(2, 1);
    expect(ops.moments(n).variance.sqrt().scalarValue()).toBeCloseTo(3, 1);
    const tn = truncatedNormal([5000], 0, 1, 'float32', 2);
    expect(tn.abs().max().scalarValue()).toBeLessThanOrEqual(2);
  });

  test('toString prints values', () => {
    expect(tensor([[1, 2], [3, 4]]).toString()).toContain('[[1.0, 2.0],');
    expect(tensor([1, 2], [2], 'int32').toString()).toContain('[1, 2]');
  });

  test('chainable methods call the same ops', () => {
    const x = tensor([[1, -2], [3, -4]]);
    expect(x.relu().sum().scalarValue()).toBe(4);
    expect(x.abs().max(1).arraySync()).toEqual([2, 4]);
    expect(x.reshape([4]).slice(1, 2).arraySync()).toEqual([-2, 3]);
    expect(x.matMul(x, false, true).shape).toEqual([2, 2]);
  });

  test('variables: assign checks shape, dispose frees', () => {
    const before = memory().numTensors;
    const v = variable(tensor([1, 2]), true, 'v_test');
    expect(() => v.assign(tensor([1, 2, 3]))).toThrow(/Variable 'v_test': assign needs shape \[2\] float32, got \[3\] float32/);
    v.dispose();
    expect(memory().numTensors).toBe(before + 2); // the initial value and the [1,2,3] operand stay the caller's
  });
});
