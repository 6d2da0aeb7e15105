import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { cast } from '../../ops/convert';
import { add, clipByValue, div, equal, logicalOr, maximum, mul, sqrt, sub, where } from '../../ops/elementwise';
import { all, sum } from '../../ops/reduce';
import { reshape } from '../../ops/movement';

/** Keras' fuzz factor: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
export const EPSILON = 1e-7;

export const f32 = (t: Tensor): Tensor => cast(t, 'float32');

export function clipProbs(p: Tensor): Tensor {
  return clipByValue(p, EPSILON, 1 - EPSILON);
}

/** Label smoothing for two-class targets: y * (1 - s) + 0.5 * s. */
export function smoothBinary(y: Tensor, s: number): Tensor {
  return s > 0 ? add(mul(y, 1 - s), 0.5 * s) : y;
}

/** Label smoothing for one-hot targets over the last axis: y * (1 - s) + s / numClasses. */
export function smoothCategorical(y: Tensor, s: number): Tensor {
  if (s <= 0) return y;
  const k = y.shape[y.rank - 1]!;
  return add(mul(y, 1 - s), s / k);
}

/** x / sqrt(max(sum(x^2, axis), 1e-12)), as Keras' l2_normalize. */
export function l2Normalize(x: Tensor, axis = -1): Tensor {
  return tidy(() => div(x, sqrt(maximum(sum(mul(x, x), axis, true), 1e-12))));
}

/** Hinge losses want -1/1 labels: 0/1 labels are mapped to -1/1 (decided in-graph, no readback). */
export function toPlusMinusOne(y: Tensor): Tensor {
  return tidy(() => {
    const zeroOne = all(logicalOr(equal(y, 0), equal(y, 1)));
    return where(zeroOne, sub(mul(y, 2), 1), y);
  });
}

/** Make yTrue broadcast-compatible with yPred when it lacks the trailing 1 (e.g. [n] vs [n, 1]). */
export function alignTrue(yTrue: Tensor, yPred: Tensor): Tensor {
  if (yTrue.rank === yPred.rank - 1 && yPred.shape[yPred.rank - 1] === 1) return reshape(yTrue, yPred.shape);
  return yTrue;
}
