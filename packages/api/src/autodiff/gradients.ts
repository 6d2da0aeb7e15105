import type { BinaryOp, KernelAttrs, KernelName, UnaryOp } from '../backend/kernels';
import type { Tensor } from '../tensor/tensor';
import { cast } from '../ops/convert';
import { dispatch } from '../ops/dispatch';
import { convOutShape } from '../ops/conv-info';
import {
  add, cos, cosh, div, equal, exp, floor, greater, greaterEqual, less, lessEqual, log, logicalAnd, mul, neg, pow,
  sigmoid, sign, sin, sinh, sqrt, square, sub, where,
} from '../ops/elementwise';
import { broadcastTo, gather, pad, reshape, reverse, slice, transpose, unsortedSegmentSum } from '../ops/movement';
import { matMul } from '../ops/linalg';
import { sum } from '../ops/reduce';
import { tensor, zerosLike } from '../tensor/create';
import { reducedShape, stridesOf } from '../util/shape';

/**
 * One gradient rule per primitive kernel: given dy (shaped like the output), return the
 * gradient for each input (null = no gradient). Broadcast gradients are summed back to
 * the input shape by the caller (autodiff/backward.ts), so rules ignore broadcasting.
 */
export type GradRule<K extends KernelName> = (dy: Tensor, inputs: Tensor[], y: Tensor, attrs: KernelAttrs<K>) => Array<Tensor | null>;

type UnaryRule = (dy: Tensor, x: Tensor, y: Tensor) => Tensor | null;
type BinaryRule = (dy: Tensor, a: Tensor, b: Tensor, y: Tensor) => [Tensor | null, Tensor | null];

const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;
const mask = (c: Tensor): Tensor => cast(c, 'float32');

const UNARY: { [K in UnaryOp]: UnaryRule } = {
  neg: (dy) => neg(dy),
  abs: (dy, x) => mul(dy, sign(x)),
  sign: () => null,
  exp: (dy, _x, y) => mul(dy, y),
  expm1: (dy, _x, y) => mul(dy, add(y, 1)),
  log: (dy, x) => div(dy, x),
  log1p: (dy, x) => div(dy, add(x, 1)),
  sqrt: (dy, _x, y) => div(dy, mul(y, 2)),
  rsqrt: (dy, x, y) => mul(dy, mul(div(y, x), -0.5)),
  square: (dy, x) => mul(dy, mul(x, 2)),
  reciprocal: (dy, _x, y) => neg(mul(dy, square(y))),
  sin: (dy, x) => mul(dy, cos(x)),
  cos: (dy, x) => neg(mul(dy, sin(x))),
  tan: (dy, _x, y) => mul(dy, add(square(y), 1)),
  asin: (dy, x) => div(dy, sqrt(sub(1, square(x)))),
  acos: (dy, x) => neg(div(dy, sqrt(sub(1, square(x))))),
  atan: (dy, x) => div(dy, add(square(x), 1)),
  sinh: (dy, x) => mul(dy, cosh(x)),
  cosh: (dy, x) => mul(dy, sinh(x)),
  tanh: (dy, _x, y) => mul(dy, sub(1, square(y))),
  asinh: (dy, x) => div(dy, sqrt(add(square(x), 1))),
  acosh: (dy, x) => div(dy, sqrt(sub(square(x), 1))),
  atanh: (dy, x) => div(dy, sub(1, square(x))),
  sigmoid: (dy, _x, y) => mul(dy, mul(y, sub(1, y))),
  softplus: (dy, x) => mul(dy, sigmoid(x)),
  relu: (dy, x) => mul(dy, mask(greater(x, 0))),
  relu6: (dy, x) => mul(dy, mask(logicalAnd(greater(x, 0), less(x, 6)))),
  elu: (dy, x, y) => where(greater(x, 0), dy, mul(dy, add(y, 1))),
  selu: (dy, x, y) => where(greater(x, 0), mul(dy, SELU_SCALE), mul(dy, add(y, SELU_SCALE * SELU_ALPHA))),
  erf: (dy, x) => mul(dy, mul(exp(neg(square(x))), 2 / Math.sqrt(Math.PI))),
  floor: () => null, ceil: () => null, round: () => null,
  isNaN: () => null, isInf: () => null, isFinite: () => null, logicalNot: () => null,
};

const none: BinaryRule = () => [null, null];

const BINARY: { [K in BinaryOp]: BinaryRule } = {
  add: (dy) => [dy, dy],
  sub: (dy) => [dy, neg(dy)],
  mul: (dy, a, b) => [mul(dy, b), mul(dy, a)],
  div: (dy, a, b) => [div(dy, b), neg(div(mul(dy, a), square(b)))],
  pow: (dy, a, b, y) => [
    mul(dy, mul(b, pow(a, sub(b, 1)))),
    mul(dy, where(greater(a, 0), mul(y, log(where(greater(a, 0), a, 1))), 0)),
  ],
  maximum: (dy, a, b) => [mul(dy, mask(greaterEqual(a, b))), mul(dy, mask(less(a, b)))],
  minimum: (dy, a, b) => [mul(dy, mask(lessEqual(a, b))), mul(dy, mask(greater(a, b)))],
  mod: (dy, a, b) => [dy, mul(dy, neg(floor(div(a, b))))],
  floorDiv: none,
  atan2: (dy, a, b) => {
    const d = add(square(a), square(b));
    return [mul(dy, div(b, d)), neg(mul(dy, div(a, d)))];
  },
  equal: none, notEqual: none, less: none, lessEqual: none, greater: none, greaterEqual: none,
  logicalAnd: none, logicalOr: none, logicalXor: none,
};


/** Spread dy (reduced over `axes`) back over the input shape. */
function unreduce(dy: Tensor, x: Tensor, axes: number[]): Tensor {
  return broadcastTo(reshape(dy, reducedShape(x.shape, axes, true)), x.shape);
}

function inversePerm(perm: number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

const isFloat = (t: Tensor): boolean => t.dtype === 'float32';

export const GRADIENTS: { [K in KernelName]: GradRule<K> } = {
  unary: (dy, [x], y, { op }) => [isFloat(x!) ? UNARY[op](dy, x!, y) : null],
  binary: (dy, [a, b], y, { op }) => (isFloat(y) ? BINARY[op](dy, a!, b!, y) : [null, null]),
  cast: (dy, [x]) => [isFloat(x!) ? cast(dy, x!.dtype) : null],
  where: (dy, [cond]) => {
    const z = zerosLike(dy);
    return [null, where(cond!, dy, z), where(cond!, z, dy)];
  },
  reduce: (dy, [x], y, { op, axes }) => {
    if (!isFloat(x!)) return [null];
    switch (op) {
      case 'sum': return [unreduce(dy, x!, axes)];
      case 'prod': return [div(unreduce(mul(dy, y), x!, axes), x!)];
      case 'max':
      case 'min': {
        const hit = mask(equal(x!, reshape(y, reducedShape(x!.shape, axes, true))));
        return [mul(unreduce(dy, x!, axes), hit)];
      }
      default: return [null];
    }
  },
  argMax: () => [null],
  argMin: () => [null],
  reshape: (dy, [x]) => [reshape(dy, x!.shape)],
  transpose: (dy, _i, _y, { perm }) => [transpose(dy, inversePerm(perm))],
  slice: (dy, [x], _y, { begin, size }) => [pad(dy, x!.shape.map((d, i) => [begin[i]!, d - begin[i]! - size[i]!] as [number, number]))],
  stridedSlice: (dy, [x], y, { begin, strides }) => {
    // scatter dy back to the flat positions it was read from
    const xs = stridesOf(x!.shape);
    const idx = new Int32Array(y.size);
    const counter = new Array<number>(y.rank).fill(0);
    for (let i = 0; i < y.size; i++) {
      let off = 0;
      for (let a = 0; a < y.rank; a++) off += (begin[a]! + counter[a]! * strides[a]!) * xs[a]!;
      idx[i] = off;
      for (let a = y.rank - 1; a >= 0; a--) {
        if (++counter[a]! < y.shape[a]!) break;
        counter[a] = 0;
      }
    }
    const flat = unsortedSegmentSum(reshape(dy, [-1]), tensor(idx, [y.size], 'int32'), x!.size);
    return [reshape(flat, x!.shape)];
  },
  concat: (dy, inputs, _y, { axis }) => {
    let offset = 0;
    return inputs.map((x) => {
      const begin = x.shape.map((_, i) => (i === axis ? offset : 0));
      offset += x.shape[axis]!;
      return slice(dy, begin, x.shape);
    });
  },
  pad: (dy, [x], _y, { paddings }) => [slice(dy, paddings.map((p) => p[0]), x!.shape)],
  tile: (dy, [x], _y, { reps }) => {
    // view dy as [r0, d0, r1, d1, ...] and sum the repetition axes
    const split = x!.shape.flatMap((d, i) => [reps[i]!, d]);
    const repAxes = x!.shape.map((_, i) => 2 * i);
    return [reshape(sum(reshape(dy, split), repAxes), x!.shape)];
  },
  reverse: (dy, _i, _y, { axes }) => [reverse(dy, axes)],
  gather: (dy, [x, indices], _y, { axis }) => {
    const pre = x!.shape.slice(0, axis);
    const post = x!.shape.slice(axis + 1);
    const k = indices!.rank;
    // move the index axes to the front: [idx..., pre..., post...]
    const perm = [...Array.from({ length: k }, (_, i) => axis + i), ...pre.map((_, i) => i), ...post.map((_, i) => axis + k + i)];
    const lead = reshape(transpose(dy, perm), [indices!.size, ...pre, ...post]);
    const summed = unsortedSegmentSum(lead, reshape(indices!, [-1]), x!.shape[axis]!);
    const back = [...pre.map((_, i) => i + 1), 0, ...post.map((_, i) => pre.length + 1 + i)];
    return [transpose(summed, back), null];
  },
  unsortedSegmentSum: (dy, [, indices]) => [gather(dy, indices!, 0), null],
  matMul: (dy, [a, b], _y, { transposeA, transposeB }) => {
    if (!transposeA && !transposeB) return [matMul(dy, b!, false, true), matMul(a!, dy, true, false)];
    if (transposeA && !transposeB) return [matMul(b!, dy, false, true), matMul(a!, dy, false, false)];
    if (!transposeA && transposeB) return [matMul(dy, b!, false, false), matMul(dy, a!, true, false)];
    return [matMul(b!, dy, true, true), matMul(dy, a!, true, true)];
  },
  conv2d: (dy, [x, f], _y, { conv }) => [
    dispatch('conv2dBackpropInput', [dy, f!], { conv }, { shape: x!.shape, dtype: 'float32' }),
    dispatch('conv2dBackpropFilter', [x!, dy], { conv }, { shape: f!.shape, dtype: 'float32' }),
  ],
  conv2dBackpropInput: (g, [dy, f], _y, { conv }) => [
    dispatch('conv2d', [g, f!], { conv }, { shape: convOutShape(conv), dtype: 'float32' }),
    dispatch('conv2dBackpropFilter', [g, dy!], { conv }, { shape: f!.shape, dtype: 'float32' }),
  ],
  conv2dBackpropFilter: (g, [x, dy], _y, { conv }) => [
    dispatch('conv2dBackpropInput', [dy!, g], { conv }, { shape: x!.shape, dtype: 'float32' }),
    dispatch('conv2d', [x!, g], { conv }, { shape: convOutShape(conv), dtype: 'float32' }),
  ],
  depthwiseConv2d: (dy, [x, f], _y, { conv }) => [
    dispatch('depthwiseConv2dBackpropInput', [dy, f!], { conv }, { shape: x!.shape, dtype: 'float32' }),
    dispatch('depthwiseConv2dBackpropFilter', [x!, dy], { conv }, { shape: f!.shape, dtype: 'float32' }),
  ],
  depthwiseConv2dBackpropInput: (g, [dy, f], _y, { conv }) => [
    dispatch('depthwiseConv2d', [g, f!], { conv }, { shape: convOutShape(conv), dtype: 'float32' }),
    dispatch('depthwiseConv2dBackpropFilter', [g, dy!], { conv }, { shape: f!.shape, dtype: 'float32' }),
  ],
  depthwiseConv2dBackpropFilter: (g, [x, dy], _y, { conv }) => [
    dispatch('depthwiseConv2dBackpropInput', [dy!, g], { conv }, { shape: x!.shape, dtype: 'float32' }),
    dispatch('depthwiseConv2d', [x!, g], { conv }, { shape: convOutShape(conv), dtype: 'float32' }),
  ],
  maxPool: (dy, [x], y, { conv }) => [dispatch('maxPoolGrad', [dy, x!, y], { conv }, { shape: x!.shape, dtype: 'float32' })],
  maxPoolGrad: () => {
    throw new Error('Second-order gradients through maxPool are not supported yet.');
  },
  avgPool: (dy, [x], _y, { conv }) => [dispatch('avgPoolGrad', [dy, x!], { conv }, { shape: x!.shape, dtype: 'float32' })],
  avgPoolGrad: (g, [dy], _y, { conv }) => [
    dispatch('avgPool', [g], { conv }, { shape: convOutShape(conv), dtype: 'float32' }),
    null,
  ],
};
