import type { ReduceOp } from '../backend/kernels';
import type { DType } from '../backend/types';
import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import { normalizeAxes, normalizeAxis, reducedShape, sizeOf } from '../util/shape';
import { asTensor, cast } from './convert';
import { dispatch } from './dispatch';
import { abs, add, div, exp, log, mul, pow, sign, sqrt, square, sub } from './elementwise';
import { stopGradient as stopGradientOf } from '../autodiff/stop-gradient';
import { reshape } from './movement';

export type Axis = number | number[] | null;

function reduce(op: ReduceOp, x: TensorLike, axis: Axis | undefined, keepDims: boolean): Tensor {
  return tidy(() => {
    let t = asTensor(x);
    const axes = normalizeAxes(axis, t.rank, op);
    let dtype: DType = t.dtype;
    if (op === 'any' || op === 'all') {
      t = cast(t, 'bool');
      dtype = 'bool';
    } else if ((op === 'sum' || op === 'prod') && t.dtype === 'bool') {
      t = cast(t, 'int32');
      dtype = 'int32';
    }
    const r = dispatch('reduce', [t], { op, axes }, { shape: reducedShape(t.shape, axes, false), dtype });
    return keepDims ? reshape(r, reducedShape(t.shape, axes, true)) : r;
  });
}

export const sum = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('sum', x, axis, keepDims);
export const prod = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('prod', x, axis, keepDims);
export const max = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('max', x, axis, keepDims);
export const min = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('min', x, axis, keepDims);
export const any = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('any', x, axis, keepDims);
export const all = (x: TensorLike, axis?: Axis, keepDims = false): Tensor => reduce('all', x, axis, keepDims);

export function mean(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    const axes = normalizeAxes(axis, t.rank, 'mean');
    const count = sizeOf(axes.map((a) => t.shape[a]!));
    return div(sum(t, axes, keepDims), count);
  });
}

/** Mean and (biased) variance over `axis`, as tf.moments. */
export function moments(x: TensorLike, axis?: Axis, keepDims = false): { mean: Tensor; variance: Tensor } {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    const m = mean(t, axis, true);
    const v = mean(square(sub(t, m)), axis, keepDims);
    return { mean: keepDims ? m : reshape(m, v.shape), variance: v };
  });
}

function argReduce(kernel: 'argMax' | 'argMin', x: TensorLike, axis: number): Tensor {
  const t = asTensor(x);
  const ax = normalizeAxis(axis, t.rank, kernel);
  return dispatch(kernel, [t], { axis: ax }, { shape: reducedShape(t.shape, [ax], false), dtype: 'int32' });
}

export const argMax = (x: TensorLike, axis = 0): Tensor => tidy(() => argReduce('argMax', x, axis));
export const argMin = (x: TensorLike, axis = 0): Tensor => tidy(() => argReduce('argMin', x, axis));

/** log(sum(exp(x))) computed stably by shifting by the max. */
export function logSumExp(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    const m = max(t, axis, true);
    // the shift is a constant for the gradient: d/dx of the result does not depend on it
    const shift = stopGradientOf(m);
    const r = add(log(sum(exp(sub(t, shift)), axis, true)), shift);
    return keepDims ? r : reshape(r, reducedShape(t.shape, normalizeAxes(axis, t.rank, 'logSumExp'), false));
  });
}

/** Euclidean (or other p) norm over `axis`. */
export function norm(x: TensorLike, ord: 'euclidean' | 1 | 2 | number = 'euclidean', axis?: Axis, keepDims = false): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    if (ord === 'euclidean' || ord === 2) return sqrt(sum(square(t), axis, keepDims));
    if (ord === 1) return sum(mul(t, t.dtype === 'float32' ? sign(t) : t), axis, keepDims);
    if (ord === Infinity) return max(abs(t), axis, keepDims);
    return pow(sum(pow(abs(t), ord), axis, keepDims), 1 / ord);
  });
}
