import * as tf from '@tensorflow/tfjs-core';
import type { BinaryOp, DType, UnaryOp } from '@lamina/api';
import { castTo } from '../handle';

/**
 * Elementwise kernels. Math runs in float32 (ints are cast in, the result is cast to the
 * api's dtype by the caller), so every engine agrees with backend-cpu's double-then-store.
 */

type T = tf.Tensor;

const UNARY: Record<UnaryOp, (x: T) => T> = {
  neg: tf.neg, abs: tf.abs, exp: tf.exp, expm1: tf.expm1, log: tf.log, log1p: tf.log1p,
  sqrt: tf.sqrt, rsqrt: tf.rsqrt, square: tf.square, reciprocal: tf.reciprocal,
  sin: tf.sin, cos: tf.cos, tan: tf.tan, asin: tf.asin, acos: tf.acos, atan: tf.atan,
  sinh: tf.sinh, cosh: tf.cosh, tanh: tf.tanh, asinh: tf.asinh, acosh: tf.acosh, atanh: tf.atanh,
  sigmoid: tf.sigmoid, softplus: tf.softplus, relu: tf.relu, relu6: tf.relu6, elu: tf.elu, selu: tf.selu,
  erf: tf.erf, floor: tf.floor, ceil: tf.ceil, round: tf.round,
  isNaN: tf.isNaN, isInf: tf.isInf, isFinite: tf.isFinite, logicalNot: tf.logicalNot,
  // tfjs maps sign(NaN) to 0; backend-cpu (and numpy) keep NaN.
  sign: (x) => tf.where(tf.isNaN(x), x, tf.sign(x)),
};

/** Integers are already whole: floor/ceil/round of an int tensor is the tensor. */
const IDENTITY_ON_INT = new Set<UnaryOp>(['floor', 'ceil', 'round']);

export function unary(x: T, op: UnaryOp): T {
  const f = UNARY[op];
  if (!f) throw new Error(`unary: unknown op '${op}'. Known ops: ${Object.keys(UNARY).join(', ')}`);
  if (op === 'logicalNot') return tf.logicalNot(castTo(x, 'bool', tf));
  if (x.dtype === 'int32' && IDENTITY_ON_INT.has(op)) return x;
  return f(x.dtype === 'float32' ? x : tf.cast(x, 'float32'));
}

const COMPARE: Partial<Record<BinaryOp, (a: T, b: T) => T>> = {
  equal: tf.equal, notEqual: tf.notEqual, less: tf.less, lessEqual: tf.lessEqual,
  greater: tf.greater, greaterEqual: tf.greaterEqual,
};
const LOGICAL: Partial<Record<BinaryOp, (a: T, b: T) => T>> = {
  logicalAnd: tf.logicalAnd, logicalOr: tf.logicalOr, logicalXor: tf.logicalXor,
};

const ARITH: Partial<Record<BinaryOp, (a: T, b: T, dtype: DType) => T>> = {
  add: (a, b) => tf.add(a, b), sub: (a, b) => tf.sub(a, b), mul: (a, b) => tf.mul(a, b),
  pow: (a, b) => tf.pow(a, b), maximum: (a, b) => tf.maximum(a, b), minimum: (a, b) => tf.minimum(a, b),
  mod: (a, b) => tf.mod(a, b), // Python modulo: the result takes the divisor's sign, as in backend-cpu
  // tfjs's FloorDiv returns int32 even for floats (losing inf/NaN); floats take floor(a / b).
  floorDiv: (a, b, dtype) => (dtype === 'int32' ? tf.floorDiv(a, b) : tf.floor(tf.div(a, b))),
};
const FLOAT_ONLY: Partial<Record<BinaryOp, (a: T, b: T) => T>> = { div: tf.div, atan2: tf.atan2 };

const as = (x: T, dtype: DType): T => castTo(x, dtype, tf);

export function binary(a: T, b: T, op: BinaryOp, outDtype: DType): T {
  const cmp = COMPARE[op];
  if (cmp) {
    // bool compares as int32 (not every engine compares bool tensors); mixed dtypes meet in float32.
    const d: DType = a.dtype === b.dtype && (a.dtype === 'float32' || a.dtype === 'int32') ? a.dtype : a.dtype === 'float32' || b.dtype === 'float32' ? 'float32' : 'int32';
    return cmp(as(a, d), as(b, d));
  }
  const logical = LOGICAL[op];
  if (logical) return logical(as(a, 'bool'), as(b, 'bool'));
  const fl = FLOAT_ONLY[op];
  if (fl) return fl(as(a, 'float32'), as(b, 'float32'));
  const arith = ARITH[op];
  if (!arith) throw new Error(`binary: unknown op '${op}'`);
  const d: DType = outDtype === 'int32' ? 'int32' : 'float32';
  return arith(as(a, d), as(b, d), d);
}

export function where(cond: T, a: T, b: T, outDtype: DType): T {
  return tf.where(as(cond, 'bool'), as(a, outDtype), as(b, outDtype));
}

export function cast(x: T, dtype: DType): T {
  return as(x, dtype);
}
