import type { BinaryOp, UnaryOp } from '../backend/kernels';
import { setBackend } from '../backend/registry';
import * as ops from '../ops';
import { range, scalar, tensor, zeros } from '../tensor/create';
import { Random } from '../util/random';
import { expectValues } from './expect';
import { distinctValues } from './gradcheck';
import { conv2dRef, matMulRef, poolRef } from './reference';

const erfRef = (x: number): number => {
  // series for small |x|, continued fraction tail otherwise; float64-accurate enough for 1e-6
  const t = Math.abs(x);
  if (t < 2.5) {
    let sum = 0, term = t, n = 0;
    while (Math.abs(term) > 1e-17 * Math.abs(sum) || n < 3) {
      sum += term / (2 * n + 1);
      n++;
      term *= (-t * t) / n;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let k = 60; k >= 1; k--) f = (k / 2) / (t + f);
  const erfc = Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + f);
  return Math.sign(x) * (1 - erfc);
};

const SELU = [1.0507009873554805, 1.6732632423543772] as const;
const roundHalfEven = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

const UNARY_REF: { [K in UnaryOp]: [(x: number) => number, number[]] } = {
  neg: [(x) => -x, [-2, 0, 3.5]],
  abs: [Math.abs, [-2, 0, 3.5]],
  sign: [(x) => (x > 0 ? 1 : x < 0 ? -1 : 0), [-2, 0, 3.5]],
  exp: [Math.exp, [-3, 0, 1.5, 10]],
  expm1: [Math.expm1, [-1, 1e-4, 2]],
  log: [Math.log, [0.01, 1, 20]],
  log1p: [Math.log1p, [-0.5, 1e-5, 3]],
  sqrt: [Math.sqrt, [0, 2, 9]],
  rsqrt: [(x) => 1 / Math.sqrt(x), [0.25, 2, 9]],
  square: [(x) => x * x, [-3, 0.5, 4]],
  reciprocal: [(x) => 1 / x, [-4, 0.5, 8]],
  sin: [Math.sin, [-2, 0, 1]], cos: [Math.cos, [-2, 0, 1]], tan: [Math.tan, [-1, 0, 1]],
  asin: [Math.asin, [-0.9, 0, 0.5]], acos: [Math.acos, [-0.9, 0, 0.5]], atan: [Math.atan, [-5, 0, 2]],
  sinh: [Math.sinh, [-2, 0, 1]], cosh: [Math.cosh, [-2, 0, 1]], tanh: [Math.tanh, [-20, -1, 0, 0.5, 20]],
  asinh: [Math.asinh, [-2, 0, 3]], acosh: [Math.acosh, [1, 2, 10]], atanh: [Math.atanh, [-0.9, 0, 0.5]],
  sigmoid: [(x) => 1 / (1 + Math.exp(-x)), [-100, -2, 0, 3, 100]],
  softplus: [(x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), [-100, -1, 0, 2, 100]],
  relu: [(x) => Math.max(x, 0), [-2, 0, 3]],
  relu6: [(x) => Math.min(Math.max(x, 0), 6), [-2, 3, 8]],
  elu: [(x) => (x > 0 ? x : Math.expm1(x)), [-3, 0, 2]],
  selu: [(x) => SELU[0] * (x > 0 ? x : SELU[1] * Math.expm1(x)), [-3, 0, 2]],
  erf: [erfRef, [-3, -0.5, 0, 0.1, 1, 2.7]],
  floor: [Math.floor, [-1.5, 0.2, 2.7]], ceil: [Math.ceil, [-1.5, 0.2, 2.7]],
  round: [roundHalfEven, [-2.5, -1.5, 0.5, 1.5, 2.4, 2.6]],
  isNaN: [(x) => (Number.isNaN(x) ? 1 : 0), [NaN, 0, Infinity]],
  isInf: [(x) => (x === Infinity || x === -Infinity ? 1 : 0), [NaN, 1, -Infinity]],
  isFinite: [(x) => (Number.isFinite(x) ? 1 : 0), [NaN, 1, Infinity]],
  logicalNot: [(x) => (x ? 0 : 1), [0, 1, 2]],
};

const BINARY_REF: { [K in BinaryOp]: (a: number, b: number) => number } = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b, pow: Math.pow,
  maximum: Math.max, minimum: Math.min, mod: (a, b) => a - b * Math.floor(a / b), floorDiv: (a, b) => Math.floor(a / b),
  atan2: Math.atan2, equal: (a, b) => +(a === b), notEqual: (a, b) => +(a !== b), less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b), greater: (a, b) => +(a > b), greaterEqual: (a, b) => +(a >= b),
  logicalAnd: (a, b) => +(!!a && !!b), logicalOr: (a, b) => +(!!a || !!b), logicalXor: (a, b) => +(!!a !== !!b),
};

const f32 = (x: number): number => Math.fround(x);

export function runValueConformance(): void {
  describe('values', () => {
    test.each(Object.keys(UNARY_REF) as UnaryOp[])('unary %s', (op) => {
      const [ref, xs] = UNARY_REF[op];
      const out = ops.unary(op, tensor(xs));
      expectValues(out, xs.map((x) => ref(f32(x))), [xs.length], 2e-6, 2e-6);
    });

    test('int32 stays int32 for neg/abs/sign/square; bool out for predicates', () => {
      const x = tensor([-3, 0, 4], [3], 'int32');
      expect(ops.neg(x).dtype).toBe('int32');
      expectValues(ops.abs(x), [3, 0, 4]);
      expectValues(ops.square(x), [9, 0, 16]);
      expect(ops.sqrt(x).dtype).toBe('float32');
      expect(ops.isNaN(tensor([1])).dtype).toBe('bool');
    });

    test.each(Object.keys(BINARY_REF) as BinaryOp[])('binary %s with broadcasting [2,3] x [3]', (op) => {
      const a = [1.5, -2, 3, 0, 4.25, -1];
      const b = [2, 0.5, -1.5];
      const out = ops.binary(op, tensor(a, [2, 3]), tensor(b, [3]));
      const expected = a.map((v, i) => BINARY_REF[op](f32(v), f32(b[i % 3]!)));
      expectValues(out, expected, [2, 3], 1e-6, 1e-6);
    });

    test('broadcast [2,1] with [1,3], rank 0 and empty shapes', () => {
      expectValues(ops.add(tensor([1, 2], [2, 1]), tensor([10, 20, 30], [1, 3])), [11, 21, 31, 12, 22, 32], [2, 3]);
      expectValues(ops.mul(scalar(3), scalar(4)), [12], []);
      expectValues(ops.add(zeros([0, 3]), tensor([1, 2, 3])), [], [0, 3]);
      expectValues(ops.sum(zeros([0])), [0], []);
    });

    test('broadcast errors name both shapes', () => {
      expect(() => ops.add(zeros([2, 3]), zeros([4]))).toThrow(/\[2,3\] and \[4\]/);
      expect(() => ops.matMul(zeros([2, 3]), zeros([4, 5]))).toThrow(/\[2,3\].*\[4,5\]/);
    });

    test('int32 arithmetic, mod sign and floorDiv', () => {
      const a = tensor([7, -7, 7, -7], [4], 'int32');
      const b = tensor([3, 3, -3, -3], [4], 'int32');
      expect(ops.add(a, b).dtype).toBe('int32');
      expectValues(ops.mod(a, b), [1, 2, -2, -1]);
      expectValues(ops.floorDiv(a, b), [2, -3, -3, 2]);
      expect(ops.div(a, b).dtype).toBe('float32');
      expect(ops.add(a, 1.5).dtype).toBe('int32');
    });

    test('where broadcasts three ways; cast truncates toward zero', () => {
      const c = tensor([true, false], [2, 1]);
      expectValues(ops.where(c, tensor([1, 2, 3]), scalar(-1)), [1, 2, 3, -1, -1, -1], [2, 3]);
      expectValues(ops.cast(tensor([-1.7, 2.9, 0]), 'int32'), [-1, 2, 0]);
      expectValues(ops.cast(tensor([-1.7, 0, 3]), 'bool'), [1, 0, 1]);
    });

    test('reductions with axes, negative axes and keepDims', () => {
      const x = tensor([1, 5, 3, 4, 2, 6], [2, 3]);
      expectValues(ops.sum(x), [21], []);
      expectValues(ops.sum(x, 0), [5, 7, 9], [3]);
      expectValues(ops.sum(x, -1, true), [9, 12], [2, 1]);
      expectValues(ops.prod(x, 1), [15, 48]);
      expectValues(ops.max(x, 1), [5, 6]);
      expectValues(ops.min(x, [0, 1]), [1], []);
      expectValues(ops.mean(x, 0), [2.5, 3.5, 4.5]);
      expectValues(ops.any(tensor([0, 0, 1, 0], [2, 2]), 1), [0, 1]);
      expectValues(ops.all(tensor([1, 1, 1, 0], [2, 2]), 1), [1, 0]);
      expectValues(ops.argMax(tensor([1, 3, 3, 0], [2, 2]), 1), [1, 0]);
      expectValues(ops.argMin(tensor([2, 1, 1, 5], [4]), 0), [1]);
      expectValues(ops.logSumExp(tensor([1000, 1000])), [1000 + Math.log(2)], [], 1e-3);
      expect(ops.sum(tensor([1, 2], [2], 'int32')).dtype).toBe('int32');
      expect(() => ops.sum(x, 2)).toThrow(/axis 2 is out of range/);
    });

    test('reshape, transpose, slice, stridedSlice', () => {
      const x = ops.reshape(tensor([0, 1, 2, 3, 4, 5]), [2, -1]);
      expect(x.shape).toEqual([2, 3]);
      expectValues(ops.transpose(x), [0, 3, 1, 4, 2, 5], [3, 2]);
      expectValues(ops.transpose(ops.reshape(range(0, 24), [2, 3, 4]), [2, 0, 1]).slice([1, 0, 1], [1, 2, 2]), [5, 9, 17, 21], [1, 2, 2]);
      expectValues(ops.slice(x, [0, 1], [-1, 2]), [1, 2, 4, 5], [2, 2]);
      expectValues(ops.stridedSlice(range(0, 10), [8], [1], [-3]), [8, 5, 2], [3]);
      expectValues(ops.stridedSlice(x, [0, 0], [2, 3], [1, 2]), [0, 2, 3, 5], [2, 2]);
      expect(() => ops.reshape(x, [4, 2])).toThrow(/\[2,3\].*\[4,2\]/);
    });

    test('concat (with an empty part), stack, split, pad, tile, reverse', () => {
      const a = tensor([1, 2, 3, 4], [2, 2]);
      const b = tensor([5, 6], [2, 1]);
      expectValues(ops.concat([a, b, zeros([2, 0])], 1), [1, 2, 5, 3, 4, 6], [2, 3]);
      expectValues(ops.concat([a, tensor([7, 8], [1, 2])], -2), [1, 2, 3, 4, 7, 8], [3, 2]);
      expectValues(ops.stack([tensor([1, 2]), tensor([3, 4])], 1), [1, 3, 2, 4], [2, 2]);
      const parts = ops.split(range(0, 6), [1, -1, 2]);
      expect(parts.map((p) => p.shape[0])).toEqual([1, 3, 2]);
      expectValues(ops.pad(tensor([1, 2], [1, 2]), [[1, 0], [0, 2]], 9), [9, 9, 9, 9, 1, 2, 9, 9], [2, 4]);
      expectValues(ops.tile(tensor([1, 2], [1, 2]), [2, 2]), [1, 2, 1, 2, 1, 2, 1, 2], [2, 4]);
      expectValues(ops.reverse(a, 1), [2, 1, 4, 3]);
      expectValues(ops.reverse(a), [4, 3, 2, 1]);
      expect(() => ops.concat([a, tensor([1, 2, 3], [1, 3])], 0)).toThrow(/shape \[1,3\].*\[2,2\]/);
    });

    test('gather with 2-D indices on axis 1, segment sum, oneHot', () => {
      const x = ops.reshape(range(0, 6), [2, 3]);
      expectValues(ops.gather(x, tensor([[2, 0], [1, 1]], [2, 2], 'int32'), 1), [2, 0, 1, 1, 5, 3, 4, 4], [2, 2, 2]);
      expectValues(ops.unsortedSegmentSum(tensor([1, 2, 3, 4]), tensor([0, 2, 0, 2], [4], 'int32'), 3), [4, 0, 6], [3]);
      expectValues(ops.oneHot(tensor([2, 0], [2], 'int32'), 3), [0, 0, 1, 1, 0, 0], [2, 3]);
      expect(() => ops.gather(x, tensor([3], [1], 'int32'), 0).dataSync()).toThrow(/3/);
    });

    test.each([
      [[3, 4], [4, 5], false, false],
      [[4, 3], [4, 5], true, false],
      [[3, 4], [5, 4], false, true],
      [[4, 3], [5, 4], true, true],
      [[2, 3, 4], [4, 2], false, false],
      [[2, 1, 3, 4], [3, 4, 2], false, false],
    ])('matMul %j x %j (transposeA %s, transposeB %s)', (as, bs, ta, tb) => {
      const r = new Random(3);
      const n = (s: number[]): number => s.reduce((p, d) => p * d, 1);
      const a = Float32Array.from({ length: n(as) }, () => r.uniform(-1, 1));
      const b = Float32Array.from({ length: n(bs) }, () => r.uniform(-1, 1));
      const ref = matMulRef(a, as, b, bs, ta, tb);
      expectValues(ops.matMul(tensor(a, as), tensor(b, bs), ta, tb), ref.values, ref.shape, 1e-5, 1e-4);
    });

    test.each([
      ['valid', 1, 1],
      ['same', 1, 1],
      ['same', 2, 1],
      ['valid', 1, 2],
      ['same', 1, 2],
    ] as const)('conv2d pad %s stride %d dilation %d', (pad, stride, dilation) => {
      const xShape: [number, number, number, number] = [2, 7, 6, 3];
      const wShape: [number, number, number, number] = [3, 2, 3, 4];
      const x = distinctValues(2 * 7 * 6 * 3, 1);
      const w = distinctValues(3 * 2 * 3 * 4, 2);
      const y = ops.conv2d(tensor(x, xShape), tensor(w, wShape), stride, pad, 'NHWC', dilation);
      const effH = 2 * dilation + 1;
      const effW = dilation + 1;
      const outH = pad === 'same' ? Math.ceil(7 / stride) : Math.ceil((7 - effH + 1) / stride);
      const outW = pad === 'same' ? Math.ceil(6 / stride) : Math.ceil((6 - effW + 1) / stride);
      const padT = pad === 'same' ? Math.floor(Math.max((outH - 1) * stride + effH - 7, 0) / 2) : 0;
      const padL = pad === 'same' ? Math.floor(Math.max((outW - 1) * stride + effW - 6, 0) / 2) : 0;
      const ref = conv2dRef({ x, xShape, w, wShape, stride: [stride, stride], dilation: [dilation, dilation], pad: [padT, padL], outHW: [outH, outW] });
      expectValues(y, ref, [2, outH, outW, 4], 1e-4, 1e-4);
    });

    test('conv2dTranspose is the adjoint of conv2d', () => {
      const r = new Random(5);
      const x = Float32Array.from({ length: 1 * 5 * 5 * 2 }, () => r.uniform(-1, 1));
      const w = Float32Array.from({ length: 3 * 3 * 2 * 3 }, () => r.uniform(-1, 1));
      const dyv = Float32Array.from({ length: 1 * 3 * 3 * 3 }, () => r.uniform(-1, 1));
      const xt = tensor(x, [1, 5, 5, 2]);
      const wt = tensor(w, [3, 3, 2, 3]);
      const dy = tensor(dyv, [1, 3, 3, 3]);
      const lhs = ops.sum(ops.mul(ops.conv2d(xt, wt, 2, 'same'), dy)).scalarValue();
      const back = ops.conv2dTranspose(dy, wt, [1, 5, 5, 2], 2, 'same');
      const rhs = ops.sum(ops.mul(back, xt)).scalarValue();
      expect(Math.abs(lhs - rhs)).toBeLessThan(1e-4 * Math.max(1, Math.abs(lhs)));
    });

    test('conv1d with causal padding matches the 2-D reference', () => {
      const x = distinctValues(1 * 6 * 2, 4);
      const w = distinctValues(3 * 2 * 1, 5);
      const y = ops.conv1d(tensor(x, [1, 6, 2]), tensor(w, [3, 2, 1]), 1, 'causal');
      const ref = conv2dRef({ x, xShape: [1, 1, 6, 2], w, wShape: [1, 3, 2, 1], stride: [1, 1], dilation: [1, 1], pad: [0, 2], outHW: [1, 6] });
      expectValues(y, ref, [1, 6, 1], 1e-5, 1e-5);
    });

    test.each([['valid', 1], ['same', 2]] as const)('depthwiseConv2d pad %s stride %d', (pad, stride) => {
      const x = distinctValues(1 * 5 * 5 * 2, 6);
      const w = distinctValues(3 * 3 * 2 * 2, 7);
      const y = ops.depthwiseConv2d(tensor(x, [1, 5, 5, 2]), tensor(w, [3, 3, 2, 2]), stride, pad);
      const out = pad === 'same' ? Math.ceil(5 / stride) : 3;
      const p = pad === 'same' ? Math.floor(Math.max((out - 1) * stride + 3 - 5, 0) / 2) : 0;
      const ref = conv2dRef({ x, xShape: [1, 5, 5, 2], w, wShape: [3, 3, 2, 2], stride: [stride, stride], dilation: [1, 1], pad: [p, p], outHW: [out, out], depthwise: true });
      expectValues(y, ref, [1, out, out, 4], 1e-4, 1e-4);
    });

    test.each([['max', 'valid'], ['max', 'same'], ['avg', 'valid'], ['avg', 'same']] as const)('%sPool %s', (kind, pad) => {
      const x = distinctValues(2 * 5 * 5 * 3, 8);
      const fn = kind === 'max' ? ops.maxPool : ops.avgPool;
      const y = fn(tensor(x, [2, 5, 5, 3]), 3, 2, pad);
      const out = pad === 'same' ? 3 : 2;
      const p = pad === 'same' ? 1 : 0;
      const ref = poolRef(x, [2, 5, 5, 3], [3, 3], [2, 2], [p, p], [out, out], kind);
      expectValues(y, ref, [2, out, out, 3], 1e-5, 1e-5);
    });

    test('softmax and logSoftmax are stable for large logits', () => {
      expectValues(ops.softmax(tensor([1000, 1000, -1000])), [0.5, 0.5, 0], [3], 1e-6);
      expectValues(ops.logSoftmax(tensor([0, Math.log(3)])), [Math.log(0.25), Math.log(0.75)], [2], 1e-6);
    });

    test('unknown backend names the registered ones; a disposed tensor says so', () => {
      expect(() => setBackend('no-such-backend')).toThrow(/Unknown backend 'no-such-backend'. Registered backends:/);
      const t = tensor([1, 2]);
      t.dispose();
      expect(() => t.dataSync()).toThrow(/was disposed/);
      expect(() => ops.add(t, 1)).toThrow(/was disposed/);
    });
  });
}
