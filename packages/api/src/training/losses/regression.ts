import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { abs, add, div, log, maximum, mul, softplus, square, sub, where, lessEqual } from '../../ops/elementwise';
import { mean } from '../../ops/reduce';
import { alignTrue, EPSILON, f32 } from './util';

/** Per-sample losses: each reduces the last axis, leaving one value per sample. */

export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => mean(square(sub(f32(yPred), alignTrue(f32(yTrue), yPred))), -1));
}

export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => mean(abs(sub(f32(yPred), alignTrue(f32(yTrue), yPred))), -1));
}

/** 100 * mean(|(t - p) / max(|t|, eps)|). */
export function meanAbsolutePercentageError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const t = alignTrue(f32(yTrue), yPred);
    return mul(mean(abs(div(sub(t, f32(yPred)), maximum(abs(t), EPSILON))), -1), 100);
  });
}

/** mean((log(max(p, eps) + 1) - log(max(t, eps) + 1))^2). */
export function meanSquaredLogarithmicError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const lp = log(add(maximum(f32(yPred), EPSILON), 1));
    const lt = log(add(maximum(alignTrue(f32(yTrue), yPred), EPSILON), 1));
    return mean(square(sub(lp, lt)), -1);
  });
}

/** Quadratic for |error| <= delta, linear beyond. */
export function huber(yTrue: Tensor, yPred: Tensor, delta = 1): Tensor {
  return tidy(() => {
    const err = abs(sub(f32(yPred), alignTrue(f32(yTrue), yPred)));
    const quad = mul(square(err), 0.5);
    const lin = sub(mul(err, delta), 0.5 * delta * delta);
    return mean(where(lessEqual(err, delta), quad, lin), -1);
  });
}

/** log(cosh(x)) written as x + softplus(-2x) - log 2, which never overflows. */
export function logCosh(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const x = sub(f32(yPred), alignTrue(f32(yTrue), yPred));
    return mean(sub(add(x, softplus(mul(x, -2))), Math.LN2), -1);
  });
}
