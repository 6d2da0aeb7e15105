import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { add, maximum, mul, neg, square, sub } from '../../ops/elementwise';
import { max, mean, sum } from '../../ops/reduce';
import { alignTrue, f32, l2Normalize, toPlusMinusOne } from './util';

/** mean(max(1 - t p, 0)); 0/1 labels become -1/1. */
export function hinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const t = toPlusMinusOne(alignTrue(f32(yTrue), yPred));
    return mean(maximum(sub(1, mul(t, f32(yPred))), 0), -1);
  });
}

export function squaredHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const t = toPlusMinusOne(alignTrue(f32(yTrue), yPred));
    return mean(square(maximum(sub(1, mul(t, f32(yPred))), 0)), -1);
  });
}

/** max(max((1 - t) p) - sum(t p) + 1, 0) for one-hot targets. */
export function categoricalHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const t = f32(yTrue);
    const p = f32(yPred);
    const pos = sum(mul(t, p), -1);
    const negScore = max(mul(sub(1, t), p), -1);
    return maximum(add(sub(negScore, pos), 1), 0);
  });
}

/** Negative cosine similarity (so that minimising it aligns the vectors), as Keras 3. */
export function cosineSimilarity(yTrue: Tensor, yPred: Tensor, axis = -1): Tensor {
  return tidy(() => neg(sum(mul(l2Normalize(f32(yTrue), axis), l2Normalize(f32(yPred), axis)), axis)));
}
