import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { cast } from '../../ops/convert';
import { equal, greater, less } from '../../ops/elementwise';
import { argMax, mean, sum } from '../../ops/reduce';
import { reshape } from '../../ops/movement';
import { mul } from '../../ops/elementwise';
import { MeanMetricWrapper, Metric } from './metric';

/** Per-sample accuracy functions (1 = right, 0 = wrong). */

export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, threshold = 0.5): Tensor {
  return tidy(() => {
    const t = yTrue.rank === yPred.rank - 1 ? reshape(yTrue, yPred.shape) : yTrue;
    return mean(cast(equal(cast(t, 'float32'), cast(greater(yPred, threshold), 'float32')), 'float32'), -1);
  });
}

export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => cast(equal(argMax(yTrue, -1), argMax(yPred, -1)), 'float32'));
}

/** Integer labels ([n] or [n, 1]) against class scores [n, k]. */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tidy(() => {
    const ids = yTrue.rank === yPred.rank ? reshape(yTrue, yTrue.shape.slice(0, -1)) : yTrue;
    return cast(equal(cast(ids, 'int32'), argMax(yPred, -1)), 'float32');
  });
}

/** The true class is among the k highest scores (ties count in its favour, as in_top_k). */
export function topKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, k = 5): Tensor {
  return tidy(() => {
    const trueScore = sum(mul(cast(yTrue, 'float32'), yPred), -1, true);
    const above = sum(cast(greater(yPred, trueScore), 'float32'), -1);
    return cast(less(above, k), 'float32');
  });
}

/**
 * Keras' 'accuracy': binary, categorical or sparse, decided on the first batch from the loss
 * and the shapes (one output column => binary; labels without the class axis => sparse).
 */
export class Accuracy extends Metric {
  private inner: MeanMetricWrapper | null = null;
  constructor(name = 'accuracy', private readonly lossName?: string) { super(name); }

  private pick(yTrue: Tensor, yPred: Tensor): MeanMetricWrapper {
    const last = yPred.shape[yPred.rank - 1];
    const key = (this.lossName ?? '').replace(/[_\s]/g, '').toLowerCase();
    let fn = categoricalAccuracy;
    if (key.includes('binary') || key.includes('hinge') && !key.includes('categorical') || last === 1 || yPred.rank === 1) fn = binaryAccuracy;
    else if (key.includes('sparse') || yTrue.rank < yPred.rank || yTrue.shape[yTrue.rank - 1] === 1) fn = sparseCategoricalAccuracy;
    return new MeanMetricWrapper(this.name, (t, p) => fn(t, p));
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    this.inner ??= this.pick(yTrue, yPred);
    this.inner.updateState(yTrue, yPred, sampleWeight);
  }
  result(): number { return this.inner?.result() ?? 0; }
  reset(): void { this.inner?.reset(); }
}

export class BinaryAccuracy extends MeanMetricWrapper {
  constructor(o: { name?: string; threshold?: number } = {}) {
    super(o.name ?? 'binary_accuracy', (t, p) => binaryAccuracy(t, p, o.threshold ?? 0.5));
  }
}
export class CategoricalAccuracy extends MeanMetricWrapper {
  constructor(o: { name?: string } = {}) { super(o.name ?? 'categorical_accuracy', categoricalAccuracy); }
}
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  constructor(o: { name?: string } = {}) { super(o.name ?? 'sparse_categorical_accuracy', sparseCategoricalAccuracy); }
}
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  constructor(o: { name?: string; k?: number } = {}) {
    super(o.name ?? 'top_k_categorical_accuracy', (t, p) => topKCategoricalAccuracy(t, p, o.k ?? 5));
  }
}
