import '@lamina/backend-cpu';
import { tensor } from '../index';
import { getConstraint, maxNorm, minMaxNorm, nonNeg, serializeConstraint, unitNorm } from './index';

const run = (c: { apply: (t: ReturnType<typeof tensor>) => ReturnType<typeof tensor> }, v: number[][]): number[] => {
  const t = tensor(v);
  const y = c.apply(t);
  const out = Array.from(y.dataSync());
  t.dispose();
  y.dispose();
  return out;
};
// columns [3, 4] (norm 5) and [0, 1] (norm 1)
const w = [[3, 0], [4, 1]];

describe('constraints (per column, axis 0)', () => {
  test('maxNorm rescales columns above the limit only', () => {
    run(maxNorm({ maxValue: 2 }), w).forEach((v, i) => expect(v).toBeCloseTo([1.2, 0, 1.6, 1][i]!, 5));
  });
  test('unitNorm makes every column unit length', () => {
    run(unitNorm(), w).forEach((v, i) => expect(v).toBeCloseTo([0.6, 0, 0.8, 1][i]!, 5));
  });
  test('minMaxNorm clips norms into [min, max]', () => {
    run(minMaxNorm({ minValue: 2, maxValue: 4 }), w).forEach((v, i) => expect(v).toBeCloseTo([2.4, 0, 3.2, 2][i]!, 5));
  });
  test('nonNeg zeroes negatives', () => {
    expect(run(nonNeg(), [[-1, 2], [3, -4]])).toEqual([0, 2, 3, 0]);
  });
  test('by name and config', () => {
    expect(getConstraint('non_neg').className).toBe('NonNeg');
    expect(getConstraint(serializeConstraint(maxNorm({ maxValue: 3, axis: 1 }))).getConfig()).toEqual({ maxValue: 3, axis: 1 });
  });
});
