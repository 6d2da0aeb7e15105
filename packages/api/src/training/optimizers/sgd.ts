import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, mul, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface SGDOptions extends OptimizerOptions { momentum?: number; nesterov?: boolean }

/** m = momentum m - lr g; w += m (nesterov: w += momentum m - lr g). Defaults lr 0.01. */
export class SGD extends Optimizer {
  readonly name = 'SGD';
  constructor(readonly config: SGDOptions = {}) { super(config, 0.01); }
  protected slotNames(): string[] { return (this.config.momentum ?? 0) > 0 ? ['momentum'] : []; }
  protected update(v: Variable, g: Tensor, [m]: Variable[], lr: number): void {
    const mu = this.config.momentum ?? 0;
    if (!m) return v.assign(sub(v, mul(g, lr)));
    const mNew = sub(mul(m, mu), mul(g, lr));
    m.assign(mNew);
    v.assign(this.config.nesterov ? add(v, sub(mul(mNew, mu), mul(g, lr))) : add(v, mNew));
  }
}
