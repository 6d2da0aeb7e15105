import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { cast } from '../../ops/convert';
import { onesLike } from '../../tensor/create';
import { mul, square, sub } from '../../ops/elementwise';
import { reshape, concat } from '../../ops/movement';
import { sum } from '../../ops/reduce';
import { meanAbsoluteError, meanSquaredError } from '../losses/regression';
import { MeanMetricWrapper, Metric, readAndDispose, RootMeanSquaredError } from './metric';

export class MeanSquaredError extends MeanMetricWrapper {
  constructor(o: { name?: string } = {}) { super(o.name ?? 'mean_squared_error', meanSquaredError); }
}
export class MeanAbsoluteError extends MeanMetricWrapper {
  constructor(o: { name?: string } = {}) { super(o.name ?? 'mean_absolute_error', meanAbsoluteError); }
}
export class RootMeanSquaredErrorMetric extends RootMeanSquaredError {
  constructor(o: { name?: string } = {}) { super(o.name ?? 'root_mean_squared_error', meanSquaredError); }
}

/**
 * Coefficient of determination 1 - SS_res / SS_tot per output column, averaged uniformly
 * (Keras' 'uniform_average'). Accumulates sums so the epoch value is exact.
 */
export class R2Score extends Metric {
  private sumY: number[] = []; private sumY2: number[] = []; private sumRes: number[] = []; private count: number[] = [];
  constructor(o: { name?: string } = {}) { super(o.name ?? 'r2_score'); }
  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const flat = readAndDispose(tidy(() => {
      const p = cast(yPred.rank === 1 ? reshape(yPred, [-1, 1]) : yPred, 'float32');
      const t = cast(reshape(yTrue, p.shape), 'float32');
      const w = sampleWeight ? reshape(cast(sampleWeight, 'float32'), [-1, 1]) : cast(1, 'float32');
      return concat([sum(mul(t, w), 0), sum(mul(square(t), w), 0), sum(mul(square(sub(t, p)), w), 0), sum(mul(onesLike(t), w), 0)]);
    }));
    const k = flat.length / 4;
    for (let c = 0; c < k; c++) {
      this.sumY[c] = (this.sumY[c] ?? 0) + flat[c]!;
      this.sumY2[c] = (this.sumY2[c] ?? 0) + flat[k + c]!;
      this.sumRes[c] = (this.sumRes[c] ?? 0) + flat[2 * k + c]!;
      this.count[c] = (this.count[c] ?? 0) + flat[3 * k + c]!;
    }
  }
  result(): number {
    if (this.count.length === 0) return 0;
    const r2 = this.count.map((n, c) => {
      const mean = this.sumY[c]! / n;
      const ssTot = this.sumY2[c]! - n * mean * mean;
      return ssTot === 0 ? 0 : 1 - this.sumRes[c]! / ssTot;
    });
    return r2.reduce((a, b) => a + b, 0) / r2.length;
  }
  reset(): void { this.sumY = []; this.sumY2 = []; this.sumRes = []; this.count = []; }
}
