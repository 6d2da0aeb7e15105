import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { fill } from '../../tensor/create';
import { add, div, mul, sqrt, square, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface AdagradOptions extends OptimizerOptions { initialAccumulatorValue?: number; epsilon?: number }

/** acc += g^2; w -= lr g / sqrt(acc + eps). Accumulator starts at 0.1. */
export class Adagrad extends Optimizer {
  readonly name = 'Adagrad';
  constructor(readonly config: AdagradOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return ['accumulator']; }
  protected override initialSlot(_s: string, v: Variable): Tensor { return fill(v.shape, this.config.initialAccumulatorValue ?? 0.1); }
  protected update(w: Variable, g: Tensor, [acc]: Variable[], lr: number): void {
    acc!.assign(add(acc!, square(g)));
    w.assign(sub(w, div(mul(g, lr), sqrt(add(acc!, this.config.epsilon ?? 1e-7)))));
  }
}
