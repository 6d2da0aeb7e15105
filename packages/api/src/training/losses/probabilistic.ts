import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { abs, add, clipByValue, div, exp, log, log1p, maximum, mul, neg, pow, sigmoid, sub } from '../../ops/elementwise';
import { mean, sum } from '../../ops/reduce';
import { logSoftmax, softmax } from '../../ops/activations';
import { oneHot, reshape } from '../../ops/movement';
import { cast } from '../../ops/convert';
import { alignTrue, clipProbs, EPSILON, f32, smoothBinary, smoothCategorical } from './util';

export interface CrossentropyOptions {
  /** yPred holds logits rather than probabilities. */
  fromLogits?: boolean;
  /** Pull targets towards uniform by this fraction (0..1). */
  labelSmoothing?: number;
}

/** Elementwise binary cross-entropy (no reduction). */
function bceElementwise(t: Tensor, yPred: Tensor, fromLogits: boolean): Tensor {
  if (fromLogits) {
    // max(x, 0) - x t + log(1 + exp(-|x|)): stable for any logit
    const x = yPred;
    return add(sub(maximum(x, 0), mul(x, t)), log1p(exp(neg(abs(x)))));
  }
  const p = clipProbs(yPred);
  return neg(add(mul(t, log(p)), mul(sub(1, t), log(sub(1, p)))));
}

export function binaryCrossentropy(yTrue: Tensor, yPred: Tensor, opts: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    const t = smoothBinary(alignTrue(f32(yTrue), yPred), opts.labelSmoothing ?? 0);
    return mean(bceElementwise(t, f32(yPred), opts.fromLogits ?? false), -1);
  });
}

/** Probabilities are renormalised over the last axis and clipped, as Keras does. */
export function categoricalCrossentropy(yTrue: Tensor, yPred: Tensor, opts: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    const t = smoothCategorical(f32(yTrue), opts.labelSmoothing ?? 0);
    if (opts.fromLogits) return neg(sum(mul(t, logSoftmax(f32(yPred), -1)), -1));
    const p = f32(yPred);
    const norm = clipProbs(div(p, sum(p, -1, true)));
    return neg(sum(mul(t, log(norm)), -1));
  });
}

/** Integer class ids (shape [n] or [n, 1]) against per-class scores [n, k]. */
export function sparseCategoricalCrossentropy(yTrue: Tensor, yPred: Tensor, opts: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    const k = yPred.shape[yPred.rank - 1]!;
    let ids = cast(yTrue, 'int32');
    if (ids.rank === yPred.rank) ids = reshape(ids, ids.shape.slice(0, -1));
    return categoricalCrossentropy(oneHot(ids, k), yPred, opts);
  });
}

export interface FocalOptions extends CrossentropyOptions {
  gamma?: number;
  alpha?: number;
  /** binary focal only: weight positives by alpha and negatives by 1 - alpha. */
  applyClassBalancing?: boolean;
}

/** (1 - p_t)^gamma * bce, averaged over the last axis (Keras 3 defaults: gamma 2, alpha 0.25, no balancing). */
export function binaryFocalCrossentropy(yTrue: Tensor, yPred: Tensor, opts: FocalOptions = {}): Tensor {
  return tidy(() => {
    const gamma = opts.gamma ?? 2;
    const alpha = opts.alpha ?? 0.25;
    const t = smoothBinary(alignTrue(f32(yTrue), yPred), opts.labelSmoothing ?? 0);
    const logits = f32(yPred);
    const p = opts.fromLogits ? sigmoid(logits) : clipProbs(logits);
    const bce = bceElementwise(t, logits, opts.fromLogits ?? false);
    const pT = add(mul(t, p), mul(sub(1, t), sub(1, p)));
    let focal = mul(pow(sub(1, pT), gamma), bce);
    if (opts.applyClassBalancing) focal = mul(add(mul(t, alpha), mul(sub(1, t), 1 - alpha)), focal);
    return mean(focal, -1);
  });
}

/** sum(-alpha (1 - p)^gamma t log p) over the last axis (Keras 3 defaults: gamma 2, alpha 0.25). */
export function categoricalFocalCrossentropy(yTrue: Tensor, yPred: Tensor, opts: FocalOptions = {}): Tensor {
  return tidy(() => {
    const gamma = opts.gamma ?? 2;
    const alpha = opts.alpha ?? 0.25;
    const t = smoothCategorical(f32(yTrue), opts.labelSmoothing ?? 0);
    let p = opts.fromLogits ? softmax(f32(yPred), -1) : f32(yPred);
    p = clipProbs(div(p, sum(p, -1, true)));
    const cce = neg(mul(t, log(p)));
    return sum(mul(mul(pow(sub(1, p), gamma), alpha), cce), -1);
  });
}

/** Kullback-Leibler divergence sum(t log(t / p)), both clipped to [eps, 1]. */
export function kld(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const t = clipByValue(alignTrue(f32(yTrue), yPred), EPSILON, 1);
    const p = clipByValue(f32(yPred), EPSILON, 1);
    return sum(mul(t, log(div(t, p))), -1);
  });
}

/** mean(p - t log(p + eps)). */
export function poisson(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const p = f32(yPred);
    return mean(sub(p, mul(alignTrue(f32(yTrue), yPred), log(add(p, EPSILON)))), -1);
  });
}
