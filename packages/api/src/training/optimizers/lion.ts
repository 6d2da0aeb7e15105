import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, mul, sign, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface LionOptions extends OptimizerOptions { beta1?: number; beta2?: number }

/** w -= lr sign(b1 m + (1 - b1) g); m = b2 m + (1 - b2) g. Defaults lr 1e-3, b1 0.9, b2 0.99. */
export class Lion extends Optimizer {
  readonly name = 'Lion';
  constructor(readonly config: LionOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return ['m']; }
  protected update(w: Variable, g: Tensor, [m]: Variable[], lr: number): void {
    const { beta1: b1 = 0.9, beta2: b2 = 0.99 } = this.config;
    w.assign(sub(w, mul(sign(add(mul(m!, b1), mul(g, 1 - b1))), lr)));
    m!.assign(add(mul(m!, b2), mul(g, 1 - b2)));
  }
}
