import type { Tensor } from '../../tensor/tensor';
import { randomUniform } from '../../tensor/create';
import { cast } from '../../ops/convert';
import { div, greaterEqual } from '../../ops/elementwise';
import { randomFor } from '../../util/random';

/** Inverted-dropout mask: 0 with probability `rate`, else 1/(1-rate). Reused for every step. */
export function dropoutMask(shape: number[], rate: number): Tensor {
  const seed = randomFor().nextUint32();
  return div(cast(greaterEqual(randomUniform(shape, 0, 1, 'float32', seed), rate), 'float32'), 1 - rate);
}
