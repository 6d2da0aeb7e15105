import type { BinaryOp, UnaryOp } from '../backend/kernels';
import type { DType } from '../backend/types';
import { tidy } from '../engine/scope';
import { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import { broadcastShapes } from '../util/shape';
import { asTensor, cast, upcast } from './convert';
import { dispatch } from './dispatch';

/** Unary ops that keep an integer dtype; the rest compute in float32. */
const INT_PRESERVING = new Set<UnaryOp>(['neg', 'abs', 'sign', 'square', 'relu', 'relu6', 'floor', 'ceil', 'round']);
const BOOL_OUT = new Set<UnaryOp>(['isNaN', 'isInf', 'isFinite', 'logicalNot']);

export function unary(op: UnaryOp, x: TensorLike): Tensor {
  return tidy(() => {
    let t = asTensor(x);
    if (op === 'logicalNot') t = cast(t, 'bool');
    else if (t.dtype === 'bool' || (t.dtype === 'int32' && !INT_PRESERVING.has(op))) t = cast(t, 'float32');
    const dtype: DType = BOOL_OUT.has(op) ? 'bool' : t.dtype;
    return dispatch('unary', [t], { op }, { shape: t.shape, dtype });
  });
}

const COMPARISON = new Set<BinaryOp>(['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual']);
const LOGICAL = new Set<BinaryOp>(['logicalAnd', 'logicalOr', 'logicalXor']);
const FLOAT_ONLY = new Set<BinaryOp>(['div', 'atan2']);

export function binary(op: BinaryOp, a: TensorLike, b: TensorLike): Tensor {
  return tidy(() => {
    let ta = asTensor(a, b instanceof Tensor ? b.dtype : undefined);
    let tb = asTensor(b, ta.dtype);
    let common: DType = LOGICAL.has(op) ? 'bool' : upcast(ta.dtype, tb.dtype);
    if (!LOGICAL.has(op) && !COMPARISON.has(op)) {
      if (common === 'bool') common = 'int32';
      if (FLOAT_ONLY.has(op)) common = 'float32';
    }
    ta = cast(ta, common);
    tb = cast(tb, common);
    const shape = broadcastShapes(ta.shape, tb.shape, op);
    const dtype: DType = COMPARISON.has(op) || LOGICAL.has(op) ? 'bool' : common;
    return dispatch('binary', [ta, tb], { op }, { shape, dtype });
  });
}

const u = (op: UnaryOp) => (x: TensorLike): Tensor => unary(op, x);
const b = (op: BinaryOp) => (x: TensorLike, y: TensorLike): Tensor => binary(op, x, y);

export const neg = u('neg'), abs = u('abs'), sign = u('sign'), exp = u('exp'), expm1 = u('expm1');
export const log = u('log'), log1p = u('log1p'), sqrt = u('sqrt'), rsqrt = u('rsqrt'), square = u('square');
export const reciprocal = u('reciprocal'), sin = u('sin'), cos = u('cos'), tan = u('tan');
export const asin = u('asin'), acos = u('acos'), atan = u('atan'), sinh = u('sinh'), cosh = u('cosh');
export const tanh = u('tanh'), asinh = u('asinh'), acosh = u('acosh'), atanh = u('atanh');
export const sigmoid = u('sigmoid'), softplus = u('softplus'), relu = u('relu'), relu6 = u('relu6');
export const elu = u('elu'), selu = u('selu'), erf = u('erf'), floor = u('floor'), ceil = u('ceil');
export const round = u('round'), isNaN = u('isNaN'), isInf = u('isInf'), isFinite = u('isFinite');
export const logicalNot = u('logicalNot');

export const add = b('add'), sub = b('sub'), mul = b('mul'), div = b('div'), pow = b('pow');
export const maximum = b('maximum'), minimum = b('minimum'), mod = b('mod'), floorDiv = b('floorDiv');
export const atan2 = b('atan2'), equal = b('equal'), notEqual = b('notEqual'), less = b('less');
export const lessEqual = b('lessEqual'), greater = b('greater'), greaterEqual = b('greaterEqual');
export const logicalAnd = b('logicalAnd'), logicalOr = b('logicalOr'), logicalXor = b('logicalXor');

export function squaredDifference(a: TensorLike, c: TensorLike): Tensor {
  return tidy(() => square(sub(a, c)));
}

/** Elementwise choice with 3-way broadcasting; `a` and `b` are promoted to a common dtype. */
export function where(condition: TensorLike, a: TensorLike, c: TensorLike): Tensor {
  return tidy(() => {
    const cond = cast(asTensor(condition), 'bool');
    let ta = asTensor(a, c instanceof Tensor ? c.dtype : undefined);
    let tc = asTensor(c, ta.dtype);
    const common = upcast(ta.dtype, tc.dtype);
    ta = cast(ta, common);
    tc = cast(tc, common);
    const shape = broadcastShapes(broadcastShapes(cond.shape, ta.shape, 'where'), tc.shape, 'where');
    return dispatch('where', [cond, ta, tc], {}, { shape, dtype: common });
  });
}

export function clipByValue(x: TensorLike, lo: number, hi: number): Tensor {
  if (lo > hi) throw new Error(`clipByValue: min ${lo} is greater than max ${hi}.`);
  return tidy(() => minimum(maximum(x, lo), hi));
}
