import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import { normalizeAxis } from '../util/shape';
import { asTensor, cast } from './convert';
import { abs, add, div, erf, exp, greater, maximum, minimum, mul, neg, sigmoid, softplus, sub, tanh, where } from './elementwise';
import { logSumExp, max, sum } from './reduce';
import { stopGradient } from '../autodiff/stop-gradient';

/** Composite activations: built from primitives, so they need no gradient rule of their own. */

export function leakyRelu(x: TensorLike, alpha = 0.2): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    return where(greater(t, 0), t, mul(t, alpha));
  });
}

export function prelu(x: TensorLike, alpha: TensorLike): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    return where(greater(t, 0), t, mul(t, alpha));
  });
}

/** x * sigmoid(beta * x). */
export function swish(x: TensorLike, beta = 1): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    return mul(t, sigmoid(beta === 1 ? t : mul(t, beta)));
  });
}

/** Gaussian error linear unit; exact (erf) by default, tanh approximation on request. */
export function gelu(x: TensorLike, approximate = false): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    if (approximate) {
      const inner = mul(add(t, mul(mul(mul(t, t), t), 0.044715)), Math.sqrt(2 / Math.PI));
      return mul(mul(t, 0.5), add(tanh(inner), 1));
    }
    return mul(mul(t, 0.5), add(erf(mul(t, Math.SQRT1_2)), 1));
  });
}

export function softsign(x: TensorLike): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    return div(t, add(abs(t), 1));
  });
}

/** Keras 3 hard sigmoid: relu6(x + 3) / 6. */
export function hardSigmoid(x: TensorLike): Tensor {
  return tidy(() => minimum(maximum(add(mul(asTensor(x), 1 / 6), 0.5), 0), 1));
}

export function mish(x: TensorLike): Tensor {
  return tidy(() => {
    const t = cast(asTensor(x), 'float32');
    return mul(t, tanh(softplus(t)));
  });
}

export function softmax(logits: TensorLike, axis = -1): Tensor {
  return tidy(() => {
    const t = cast(asTensor(logits), 'float32');
    const ax = normalizeAxis(axis, t.rank, 'softmax');
    const shifted = sub(t, stopGradient(max(t, ax, true)));
    const e = exp(shifted);
    return div(e, sum(e, ax, true));
  });
}

export function logSoftmax(logits: TensorLike, axis = -1): Tensor {
  return tidy(() => {
    const t = cast(asTensor(logits), 'float32');
    const ax = normalizeAxis(axis, t.rank, 'logSoftmax');
    return sub(t, logSumExp(t, ax, true));
  });
}

export function logSigmoid(x: TensorLike): Tensor {
  return tidy(() => neg(softplus(neg(asTensor(x)))));
}
