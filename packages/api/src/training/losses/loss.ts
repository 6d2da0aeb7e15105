import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { div, mul } from '../../ops/elementwise';
import { reshape } from '../../ops/movement';
import { sum } from '../../ops/reduce';
import { cast } from '../../ops/convert';
import { fmtShape } from '../../util/shape';

/** A per-sample loss: returns one value per sample (the last axis reduced). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

export type Reduction = 'sum_over_batch_size' | 'sum' | 'none';

/**
 * Weighted reduction of per-sample losses. 'sum_over_batch_size' (the default, as Keras 3)
 * divides the weighted sum by the number of loss values, not by the sum of the weights.
 */
export function reduceLoss(values: Tensor, sampleWeight?: Tensor, reduction: Reduction = 'sum_over_batch_size'): Tensor {
  return tidy(() => {
    let v = values;
    if (sampleWeight) {
      let w = cast(sampleWeight, 'float32');
      if (w.size === v.size && w.rank !== v.rank) w = reshape(w, v.shape);
      else if (w.rank < v.rank) w = reshape(w, [...w.shape, ...new Array<number>(v.rank - w.rank).fill(1)]);
      if (w.shape[0] !== v.shape[0] && w.size !== 1) {
        throw new Error(`Loss: sampleWeight of shape ${fmtShape(sampleWeight.shape)} does not match ${fmtShape(values.shape)} per-sample losses (one weight per sample expected).`);
      }
      v = mul(v, w);
    }
    if (reduction === 'none') return v;
    const total = sum(v);
    return reduction === 'sum' ? total : div(total, Math.max(values.size, 1));
  });
}

/** A loss object: a per-sample function plus its reduction, callable like Keras' Loss. */
export class Loss {
  constructor(
    readonly name: string,
    readonly fn: LossFn,
    readonly reduction: Reduction = 'sum_over_batch_size',
  ) {}

  /** The reduced loss (a scalar unless reduction is 'none'). */
  call(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): Tensor {
    return tidy(() => reduceLoss(this.fn(yTrue, yPred), sampleWeight, this.reduction));
  }
}
