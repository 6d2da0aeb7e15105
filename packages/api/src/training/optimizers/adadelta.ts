import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, div, mul, neg, sqrt, square } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface AdadeltaOptions extends OptimizerOptions { rho?: number; epsilon?: number }

/** Eg = rho Eg + (1-rho) g^2; d = -g sqrt(Ed + eps)/sqrt(Eg + eps); Ed = rho Ed + (1-rho) d^2; w += lr d. */
export class Adadelta extends Optimizer {
  readonly name = 'Adadelta';
  constructor(readonly config: AdadeltaOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return ['accumulated_grad', 'accumulated_delta']; }
  protected update(w: Variable, g: Tensor, [eg, ed]: Variable[], lr: number): void {
    const { rho = 0.95, epsilon: eps = 1e-7 } = this.config;
    eg!.assign(add(mul(eg!, rho), mul(square(g), 1 - rho)));
    const delta = neg(div(mul(g, sqrt(add(ed!, eps))), sqrt(add(eg!, eps))));
    ed!.assign(add(mul(ed!, rho), mul(square(delta), 1 - rho)));
    w.assign(add(w, mul(delta, lr)));
  }
}
