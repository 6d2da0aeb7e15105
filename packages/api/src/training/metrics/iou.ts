import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { cast } from '../../ops/convert';
import { mul } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { argMax } from '../../ops/reduce';
import { oneHot, reshape } from '../../ops/movement';
import { Metric, readAndDispose } from './metric';

/**
 * Mean intersection-over-union over classes from an accumulated confusion matrix (built as
 * oneHot(true)^T · oneHot(pred), no per-sample JS loop). Predictions may be class ids or
 * per-class scores (argmax taken). Classes never seen are left out of the mean, as Keras.
 */
export class MeanIoU extends Metric {
  private cm: Float64Array;
  constructor(readonly numClasses: number, o: { name?: string } = {}) {
    super(o.name ?? 'mean_io_u');
    this.cm = new Float64Array(numClasses * numClasses);
  }
  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const k = this.numClasses;
    const m = readAndDispose(tidy(() => {
      const ids = yPred.shape[yPred.rank - 1] === k && yPred.rank > yTrue.rank - (yTrue.shape[yTrue.rank - 1] === 1 ? 1 : 0)
        ? argMax(yPred, -1) : cast(yPred, 'int32');
      const t = oneHot(reshape(cast(yTrue, 'int32'), [-1]), k);
      let p = oneHot(reshape(ids, [-1]), k);
      if (sampleWeight) p = mul(p, reshape(cast(sampleWeight, 'float32'), [-1, 1]));
      return matMul(t, p, true, false);
    }));
    m.forEach((v, i) => (this.cm[i] += v));
  }
  result(): number {
    const k = this.numClasses;
    let total = 0, seen = 0;
    for (let c = 0; c < k; c++) {
      let row = 0, col = 0;
      for (let j = 0; j < k; j++) { row += this.cm[c * k + j]!; col += this.cm[j * k + c]!; }
      const tp = this.cm[c * k + c]!;
      const denom = row + col - tp;
      if (denom > 0) { total += tp / denom; seen++; }
    }
    return seen === 0 ? 0 : total / seen;
  }
  reset(): void { this.cm.fill(0); }
}
