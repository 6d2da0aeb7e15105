import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { abs, add, div, maximum, mul, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface AdamaxOptions extends OptimizerOptions { beta1?: number; beta2?: number; epsilon?: number }

/** m += (g - m)(1 - b1); u = max(b2 u, |g|); w -= lr m / ((1 - b1^t)(u + eps)). */
export class Adamax extends Optimizer {
  readonly name = 'Adamax';
  constructor(readonly config: AdamaxOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return ['m', 'u']; }
  protected update(w: Variable, g: Tensor, [m, u]: Variable[], lr: number, t: number): void {
    const { beta1: b1 = 0.9, beta2: b2 = 0.999, epsilon: eps = 1e-7 } = this.config;
    m!.assign(add(m!, mul(sub(g, m!), 1 - b1)));
    u!.assign(maximum(mul(u!, b2), abs(g)));
    w.assign(sub(w, div(mul(m!, lr), mul(add(u!, eps), 1 - b1 ** t))));
  }
}
