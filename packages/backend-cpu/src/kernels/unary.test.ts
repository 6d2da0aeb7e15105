import type { DType, UnaryOp } from '@lamina/api';
import { UNARY_OPS } from '@lamina/api';
import { apply, backend, expectClose } from '../__tests__/helpers';
import { erf } from './unary';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

function unary(op: UnaryOp, values: number[], dtype: DType = 'float32', outDtype: DType = dtype): number[] {
  return Array.from(apply(be, 'unary', [[values, [values.length], dtype]], { op }, [values.length], outDtype));
}

const f32 = (xs: number[]): number[] => xs.map(Math.fround);

describe('unary', () => {
  // Expected values computed by hand or from the closed forms, independent of the implementation.
  const cases: Array<[UnaryOp, number[], number[]]> = [
    ['neg', [1, -2, 0], [-1, 2, -0]],
    ['abs', [-1.5, 2, 0], [1.5, 2, 0]],
    ['sign', [-3, 0, 2, NaN], [-1, 0, 1, NaN]],
    ['exp', [0, 1, -1], [1, Math.E, 1 / Math.E]],
    ['expm1', [0, 1e-7], [0, 1.00000005e-7]],
    ['log', [1, Math.E], [0, 1]],
    ['log1p', [0, 1e-7], [0, 9.9999995e-8]],
    ['sqrt', [4, 2], [2, Math.SQRT2]],
    ['rsqrt', [4, 0.25], [0.5, 2]],
    ['square', [-3, 0.5], [9, 0.25]],
    ['reciprocal', [4, -0.5], [0.25, -2]],
    ['sin', [0, Math.PI / 2], [0, 1]],
    ['cos', [0, Math.PI], [1, -1]],
    ['tan', [0, Math.PI / 4], [0, 1]],
    ['asin', [1, 0.5], [Math.PI / 2, Math.PI / 6]],
    ['acos', [1, 0.5], [0, Math.PI / 3]],
    ['atan', [1, 0], [Math.PI / 4, 0]],
    ['sinh', [1], [(Math.E - 1 / Math.E) / 2]],
    ['cosh', [1], [(Math.E + 1 / Math.E) / 2]],
    ['tanh', [0, 1, 50], [0, (Math.E ** 2 - 1) / (Math.E ** 2 + 1), 1]],
    ['asinh', [1], [Math.log(1 + Math.SQRT2)]],
    ['acosh', [2], [Math.log(2 + Math.sqrt(3))]],
    ['atanh', [0.5], [0.5 * Math.log(3)]],
    ['sigmoid', [0, 2, -2, 1000, -1000], [0.5, 1 / (1 + Math.exp(-2)), 1 - 1 / (1 + Math.exp(-2)), 1, 0]],
    ['softplus', [0, 1000, -1000, 2], [Math.LN2, 1000, 0, Math.log(1 + Math.exp(2))]],
    ['relu', [-1, 0, 2.5], [0, 0, 2.5]],
    ['relu6', [-1, 3, 6, 7], [0, 3, 6, 6]],
    ['elu', [-1, 0, 2], [1 / Math.E - 1, 0, 2]],
    ['selu', [-1, 2], [1.0507009873554805 * 1.6732632423543772 * (1 / Math.E - 1), 1.0507009873554805 * 2]],
    ['floor', [1.5, -1.5, 2], [1, -2, 2]],
    ['ceil', [1.5, -1.5, 2], [2, -1, 2]],
    ['round', [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6], [0, 2, 2, -0, -2, -2, 2, 3, -3]],
  ];
  test.each(cases)('%s', (op, xs, want) => {
    expectClose(unary(op, xs), f32(want), 1e-6, 1e-6);
  });

  test('relu keeps NaN, maps -0 to 0 and is exact at the ends of float32 and int32', () => {
    const got = unary('relu', [NaN, -0, 3.4e38, -3.4e38, 1e-45]);
    expect(Number.isNaN(got[0])).toBe(true);
    expect(Object.is(got[1], 0)).toBe(true);
    expect(got.slice(2)).toEqual(f32([3.4e38, 0, 1e-45]));
    expect(unary('relu', [2147483647, -2147483648, 5], 'int32')).toEqual([2147483647, 0, 5]);
  });

  test('softplus stays finite and accurate where the naive formula overflows or loses precision', () => {
    expectClose(unary('softplus', [100, -100, 30]), f32([100, Math.exp(-100), 30 + Math.exp(-30)]), 0, 1e-6);
  });

  test('sigmoid keeps tiny values for large negative inputs', () => {
    expectClose(unary('sigmoid', [-80]), f32([Math.exp(-80)]), 0, 1e-6);
  });

  test('erf matches reference values to ~1e-7 (absolute and relative)', () => {
    // erf from high-precision tables (e.g. Abramowitz & Stegun table 7.1, extended by mpmath).
    const ref: Array<[number, number]> = [
      [1e-5, 1.1283791670578999e-5], [0.1, 0.1124629160182849], [0.5, 0.5204998778130465],
      [1, 0.8427007929497149], [1.5, 0.9661051464753108], [2, 0.9953222650189527],
      [2.5, 0.9995930479825550], [3, 0.9999779095030014], [-0.75, -0.7111556336535151], [6, 1],
    ];
    for (const [x, want] of ref) {
      const got = erf(x);
      expect(Math.abs(got - want)).toBeLessThan(1e-7 * Math.max(1e-3, Math.abs(want)) + 1e-12);
    }
    expect(erf(0)).toBe(0);
    expect(Number.isNaN(erf(NaN))).toBe(true);
    expectClose(unary('erf', [0.5, -2]), f32([0.5204998778130465, -0.9953222650189527]), 0, 1e-7);
  });

  test('predicates and logicalNot output bool', () => {
    expect(unary('isNaN', [NaN, 1, Infinity], 'float32', 'bool')).toEqual([1, 0, 0]);
    expect(unary('isInf', [NaN, 1, Infinity, -Infinity], 'float32', 'bool')).toEqual([0, 0, 1, 1]);
    expect(unary('isFinite', [NaN, 1, Infinity], 'float32', 'bool')).toEqual([0, 1, 0]);
    expect(unary('logicalNot', [0, 1, 0], 'bool', 'bool')).toEqual([1, 0, 1]);
  });

  test('int32 in, int32 out stays integral', () => {
    expect(unary('neg', [3, -4], 'int32')).toEqual([-3, 4]);
    expect(unary('abs', [-7, 7], 'int32')).toEqual([7, 7]);
    expect(unary('sign', [-7, 0, 3], 'int32')).toEqual([-1, 0, 1]);
    expect(unary('square', [-7, 5], 'int32')).toEqual([49, 25]);
  });

  test('every op of UNARY_OPS runs', () => {
    for (const op of UNARY_OPS) {
      const out = unary(op, [0.25, 0.5]);
      expect(out.length).toBe(2);
    }
  });

  test('an unknown op is a clear error', () => {
    expect(() => unary('nope' as UnaryOp, [1])).toThrow(/unknown op 'nope'/);
  });
});

describe('cast', () => {
  const cast = (values: number[], from: DType, to: DType): number[] => {
    return Array.from(apply(be, 'cast', [[values, [values.length], from]], { dtype: to }, [values.length], to));
  };
  test('float to int32 truncates toward zero', () => {
    expect(cast([1.9, -1.9, 0.5, -0.5, 7], 'float32', 'int32')).toEqual([1, -1, 0, 0, 7]);
  });
  test('to bool is x != 0', () => {
    expect(cast([0, -0.1, 3, NaN], 'float32', 'bool')).toEqual([0, 1, 1, 1]);
    expect(cast([0, 5], 'int32', 'bool')).toEqual([0, 1]);
  });
  test('bool and int32 to float32', () => {
    expect(cast([1, 0], 'bool', 'float32')).toEqual([1, 0]);
    expect(cast([-3, 4], 'int32', 'float32')).toEqual([-3, 4]);
  });
});
