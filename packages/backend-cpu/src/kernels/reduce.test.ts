import type { ReduceOp } from '@lamina/api';
import { apply, backend, expectClose, randn, ravel, rng, sizeOf, unravel } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

/** Reference: visit every input element and fold it into the output cell it maps to. */
function refReduce(x: ArrayLike<number>, shape: number[], axes: number[], op: ReduceOp): number[] {
  const outShape = shape.filter((_, d) => !axes.includes(d));
  const init = { sum: 0, prod: 1, max: -Infinity, min: Infinity, any: 0, all: 1 }[op];
  const out = new Array<number>(sizeOf(outShape)).fill(init);
  for (let i = 0; i < x.length; i++) {
    const o = ravel(unravel(i, shape).filter((_, d) => !axes.includes(d)), outShape);
    const v = x[i];
    out[o] = op === 'sum' ? out[o] + v : op === 'prod' ? out[o] * v : op === 'max' ? Math.max(out[o], v)
      : op === 'min' ? Math.min(out[o], v) : op === 'any' ? (out[o] || v !== 0 ? 1 : 0) : (out[o] && v !== 0 ? 1 : 0);
  }
  return out;
}

describe('reduce', () => {
  const rand = rng(3);
  const cases: Array<[number[], number[]]> = [
    [[6], [0]], [[2, 3], [0]], [[2, 3], [1]], [[2, 3], [0, 1]], [[2, 3, 4], [1]],
    [[2, 3, 4], [0, 2]], [[2, 3, 4, 5], [1, 2]], [[2, 3, 4, 5], [0, 3]], [[3, 4, 5], []], [[2, 1, 3], [1]],
  ];
  test.each(cases)('shape %j over axes %j matches the reference for every op', (shape, axes) => {
    const x = randn(sizeOf(shape), rand).map((v) => v + 0.5 * Math.sign(v));
    const outShape = shape.filter((_, d) => !axes.includes(d));
    for (const op of ['sum', 'prod', 'max', 'min'] as ReduceOp[]) {
      expectClose(apply(be, 'reduce', [[x, shape]], { op, axes }, outShape), refReduce(x, shape, axes, op).map(Math.fround), 1e-5, 1e-5);
    }
    const bools = Array.from(x, (v) => (v > 0.6 ? 1 : 0));
    for (const op of ['any', 'all'] as ReduceOp[]) {
      expect(Array.from(apply(be, 'reduce', [[bools, shape, 'bool']], { op, axes }, outShape, 'bool'))).toEqual(refReduce(bools, shape, axes, op));
    }
  });

  test('hand-computed values', () => {
    const x = [1, 2, 3, 4, 5, 6];
    expect(Array.from(apply(be, 'reduce', [[x, [2, 3]]], { op: 'sum', axes: [1] }, [2]))).toEqual([6, 15]);
    expect(Array.from(apply(be, 'reduce', [[x, [2, 3]]], { op: 'prod', axes: [0] }, [3]))).toEqual([4, 10, 18]);
    expect(Array.from(apply(be, 'reduce', [[x, [2, 3], 'int32']], { op: 'max', axes: [0, 1] }, [], 'int32'))).toEqual([6]);
  });

  test('empty axes give the identities', () => {
    const red = (op: ReduceOp): number[] => Array.from(apply(be, 'reduce', [[[], [2, 0]]], { op, axes: [1] }, [2]));
    expect(red('sum')).toEqual([0, 0]);
    expect(red('prod')).toEqual([1, 1]);
    expect(red('max')).toEqual([-Infinity, -Infinity]);
    expect(red('min')).toEqual([Infinity, Infinity]);
  });

  test('NaN propagates through max and min', () => {
    const r = apply(be, 'reduce', [[[1, NaN, 3, 4], [2, 2]]], { op: 'max', axes: [1] }, [2]);
    expect(Number.isNaN(r[0])).toBe(true);
    expect(r[1]).toBe(4);
  });

  test('sums accumulate in float64 before rounding once', () => {
    const n = 100000;
    const x = new Float32Array(n).fill(0.1);
    const r = apply(be, 'reduce', [[x, [n]]], { op: 'sum', axes: [0] }, []);
    expect(r[0]).toBe(Math.fround(Math.fround(0.1) * n));
  });

  test('bad axes are a clear error', () => {
    expect(() => apply(be, 'reduce', [[[1, 2], [2]]], { op: 'sum', axes: [1] }, [])).toThrow(/must be sorted, distinct and in \[0, 1\)/);
  });
});

describe('argMax / argMin', () => {
  test('first index on ties, int32 output', () => {
    const x = [3, 7, 7, 1, 1, 0];
    const mx = apply(be, 'argMax', [[x, [2, 3]]], { axis: 1 }, [2], 'int32');
    expect(mx).toBeInstanceOf(Int32Array);
    expect(Array.from(mx)).toEqual([1, 0]);
    expect(Array.from(apply(be, 'argMin', [[x, [2, 3]]], { axis: 1 }, [2], 'int32'))).toEqual([0, 2]);
    expect(Array.from(apply(be, 'argMax', [[x, [2, 3]]], { axis: 0 }, [3], 'int32'))).toEqual([0, 0, 0]);
    expect(Array.from(apply(be, 'argMin', [[x, [2, 3]]], { axis: 0 }, [3], 'int32'))).toEqual([1, 1, 1]);
  });

  test('middle axis on random data matches a direct scan', () => {
    const rand = rng(11);
    const shape = [3, 5, 4];
    const x = randn(60, rand);
    const got = apply(be, 'argMax', [[x, shape]], { axis: 1 }, [3, 4], 'int32');
    for (let o = 0; o < 3; o++) {
      for (let j = 0; j < 4; j++) {
        let best = 0;
        for (let k = 1; k < 5; k++) if (x[(o * 5 + k) * 4 + j] > x[(o * 5 + best) * 4 + j]) best = k;
        expect(got[o * 4 + j]).toBe(best);
      }
    }
  });

  test('-Infinity everywhere still picks index 0', () => {
    expect(Array.from(apply(be, 'argMax', [[[-Infinity, -Infinity], [2]]], { axis: 0 }, [], 'int32'))).toEqual([0]);
  });
});
