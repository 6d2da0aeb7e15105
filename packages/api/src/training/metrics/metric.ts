import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { stack } from '../../ops/movement';
import { mul } from '../../ops/elementwise';
import { sum } from '../../ops/reduce';
import { reshape } from '../../ops/movement';
import { cast } from '../../ops/convert';

/**
 * A stateful metric: updateState accumulates over batches, result() reads the value over
 * everything seen since reset(). State is kept in JS numbers (a few scalars read back per batch).
 */
export abstract class Metric {
  constructor(public name: string) {}
  abstract updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void;
  abstract result(): number;
  abstract reset(): void;
}

/** Broadcast per-sample weights [n] against per-sample values of shape [n, ...]. */
export function weightsFor(values: Tensor, sampleWeight?: Tensor): Tensor | undefined {
  if (!sampleWeight) return undefined;
  const w = cast(sampleWeight, 'float32');
  if (w.rank >= values.rank) return reshape(w, values.shape);
  return reshape(w, [...w.shape, ...new Array<number>(values.rank - w.rank).fill(1)]);
}

/**
 * Weighted mean of a per-sample function: sum(w v) / sum(w) over the epoch, so batches
 * count by their size (not a mean of batch means).
 */
export class MeanMetricWrapper extends Metric {
  protected total = 0;
  protected count = 0;
  constructor(name: string, readonly fn: (yTrue: Tensor, yPred: Tensor) => Tensor) { super(name); }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const [t, c] = readAndDispose(tidy(() => {
      const v = cast(this.fn(yTrue, yPred), 'float32');
      const w = weightsFor(v, sampleWeight);
      const totals = w ? [sum(mul(v, w)), sum(mul(w, 1))] : [sum(v), cast(v.size, 'float32')];
      return stack(totals);
    }));
    this.total += t!;
    this.count += c!;
  }

  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }

  reset(): void {
    this.total = 0;
    this.count = 0;
  }
}

/** sqrt of the weighted mean of squared errors. */
export class RootMeanSquaredError extends MeanMetricWrapper {
  override result(): number {
    return Math.sqrt(super.result());
  }
}

/** Read a small result and free it. */
export function readAndDispose(t: Tensor): number[] {
  const d = Array.from(t.dataSync());
  t.dispose();
  return d;
}
