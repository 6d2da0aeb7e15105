import { BINARY_OPS, UNARY_OPS, type BinaryOp, type DType, type ReduceOp, type UnaryOp } from '@lamina/api';
import { rand, size, withEngine } from '../__tests__/compare';

/** Elementwise kernels and reductions agree with backend-cpu on random inputs, per engine. */

const DOMAIN: Partial<Record<UnaryOp, [number, number]>> = {
  log: [0.01, 5], sqrt: [0, 9], rsqrt: [0.1, 9], asin: [-0.99, 0.99], acos: [-0.99, 0.99],
  atanh: [-0.99, 0.99], acosh: [1, 10], log1p: [-0.9, 5], reciprocal: [0.1, 4],
};
const INT_OPS: UnaryOp[] = ['neg', 'abs', 'sign', 'square', 'relu', 'relu6', 'floor', 'ceil', 'round'];
const INT_BINARY: BinaryOp[] = ['add', 'sub', 'mul', 'maximum', 'minimum', 'mod', 'floorDiv', 'pow', 'equal', 'less', 'greaterEqual'];
const COMPARE = new Set<BinaryOp>(['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'logicalAnd', 'logicalOr', 'logicalXor']);

describe.each(['wasm', 'cpu'] as const)('elementwise kernels equal backend-cpu (%s engine)', (engine) => {
  const t = withEngine(engine);

  test.each([...UNARY_OPS])('unary %s (float32)', (op) => {
    const [lo, hi] = DOMAIN[op] ?? [-3, 3];
    const x = rand(24, 11, lo, hi);
    if (op === 'isNaN' || op === 'isInf' || op === 'isFinite' || op === 'sign') x.set([NaN, Infinity, -Infinity, 0], 0);
    if (op === 'round') x.set([0.5, 1.5, -2.5, 2.5], 0);
    const bool = ['isNaN', 'isInf', 'isFinite', 'logicalNot'].includes(op);
    const inDtype: DType = op === 'logicalNot' ? 'bool' : 'float32';
    const xs = op === 'logicalNot' ? Array.from(x, (v) => (v > 0 ? 1 : 0)) : x;
    t.same('unary', [[xs, [4, 6], inDtype]], { op }, { shape: [4, 6], dtype: bool ? 'bool' : 'float32' }, { rtol: 3e-6, atol: 2e-6 });
  });

  test.each(INT_OPS)('unary %s keeps int32', (op) => {
    const x = Array.from(rand(12, 5, -50, 50), Math.round);
    t.same('unary', [[x, [12], 'int32']], { op }, { shape: [12], dtype: 'int32' });
  });

  test.each([...BINARY_OPS])('binary %s with broadcasting [3,1,4] x [2,4]', (op) => {
    const logical = op.startsWith('logical');
    const a = logical ? Array.from(rand(12, 3), (v) => +(v > 0)) : rand(12, 3, op === 'pow' ? 0.1 : -3, 3);
    const b = logical ? Array.from(rand(8, 4), (v) => +(v > 0)) : rand(8, 4, op === 'pow' ? -2 : -3, op === 'pow' ? 2 : 3);
    if (op === 'equal' || op === 'notEqual') (b as Float32Array).set([a[0]!, a[1]!], 0);
    const d: DType = logical ? 'bool' : 'float32';
    t.same('binary', [[a, [3, 1, 4], d], [b, [2, 4], d]], { op }, { shape: [3, 2, 4], dtype: COMPARE.has(op) ? 'bool' : 'float32' }, { rtol: 2e-6, atol: 1e-6 });
  });

  test.each(INT_BINARY)('binary %s on int32', (op) => {
    const a = Array.from(rand(10, 8, -20, 20), Math.round);
    const b = Array.from(rand(10, 9, -6, 6), (v) => Math.round(v) || 3);
    if (op === 'pow') for (let i = 0; i < 10; i++) b[i] = Math.abs(b[i]!) % 4;
    t.same('binary', [[a, [10], 'int32'], [b, [10], 'int32']], { op }, { shape: [10], dtype: COMPARE.has(op) ? 'bool' : 'int32' });
  });

  test('floorDiv and mod keep the divisor sign and inf/NaN for floats', () => {
    const a = [7, -7, 7, -7, 1, 0, 5.5];
    const b = [2, 2, -2, -2, 0, 0, 1.5];
    t.same('binary', [[a, [7]], [b, [7]]], { op: 'floorDiv' }, { shape: [7], dtype: 'float32' });
    t.same('binary', [[a.slice(0, 4), [4]], [b.slice(0, 4), [4]]], { op: 'mod' }, { shape: [4], dtype: 'float32' });
  });

  test.each([['float32', 'int32'], ['float32', 'bool'], ['int32', 'bool'], ['int32', 'float32'], ['bool', 'float32']] as const)(
    'cast %s -> %s (truncates toward zero; bool is x != 0)', (from, to) => {
      const x = from === 'bool' ? [0, 1, 1, 0] : from === 'int32' ? [-3, 0, 2, 255] : [-2.7, -0.5, 0, 3.9];
      t.same('cast', [[x, [4], from]], { dtype: to }, { shape: [4], dtype: to });
    });

  test('where broadcasts all three inputs', () => {
    t.same('where', [[[1, 0, 1], [3, 1], 'bool'], [rand(4, 1), [1, 4]], [[9], [1]]], {}, { shape: [3, 4], dtype: 'float32' });
  });

  const REDUCE_CASES: Array<[ReduceOp, number[], DType]> = [
    ['sum', [1], 'float32'], ['sum', [0, 2], 'float32'], ['sum', [0, 1, 2], 'float32'], ['prod', [2], 'float32'],
    ['max', [0, 2], 'float32'], ['min', [1, 2], 'float32'], ['sum', [1], 'int32'], ['max', [0], 'int32'],
    ['any', [1], 'bool'], ['all', [0, 2], 'bool'], ['sum', [], 'float32'],
  ];
  test.each(REDUCE_CASES)('reduce %s over %j (%s)', (op, axes, dtype) => {
    const shape = [3, 4, 5];
    const x = dtype === 'bool' ? Array.from(rand(60, 2), (v) => +(v > -0.6)) : dtype === 'int32'
      ? Array.from(rand(60, 2, -9, 9), Math.round) : rand(60, 2, op === 'prod' ? 0.5 : -2, op === 'prod' ? 1.5 : 2);
    const outShape = shape.filter((_, i) => !axes.includes(i));
    t.same('reduce', [[x, shape, dtype]], { op, axes }, { shape: outShape, dtype }, { rtol: 1e-5, atol: 1e-5 });
  });

  test.each([0, 1, 2])('argMax and argMin over axis %i (first index on ties)', (axis) => {
    const shape = [3, 4, 2];
    const x = Array.from(rand(size(shape), 6, -3, 3), (v) => Math.round(v)); // many ties
    const out = { shape: shape.filter((_, i) => i !== axis), dtype: 'int32' as const };
    t.same('argMax', [[x, shape]], { axis }, out);
    t.same('argMin', [[x, shape]], { axis }, out);
  });
});
