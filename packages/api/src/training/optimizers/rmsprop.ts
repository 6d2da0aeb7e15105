import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, div, mul, sqrt, square, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface RMSpropOptions extends OptimizerOptions { rho?: number; momentum?: number; epsilon?: number; centered?: boolean }

/**
 * Keras 3: s = rho s + (1 - rho) g^2; step = lr g / sqrt(s - mg^2 + eps) (eps inside the root,
 * mg only when centered); with momentum, mom = momentum mom + step; w -= mom (or step).
 */
export class RMSprop extends Optimizer {
  readonly name = 'RMSprop';
  constructor(readonly config: RMSpropOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] {
    const s = ['velocity'];
    if ((this.config.momentum ?? 0) > 0) s.push('momentum');
    if (this.config.centered) s.push('average_gradient');
    return s;
  }
  protected update(w: Variable, g: Tensor, slots: Variable[], lr: number): void {
    const { rho = 0.9, momentum = 0, epsilon: eps = 1e-7, centered = false } = this.config;
    const vel = slots[0]!;
    const mom = momentum > 0 ? slots[1]! : undefined;
    const avg = centered ? slots[slots.length - 1]! : undefined;
    vel.assign(add(mul(vel, rho), mul(square(g), 1 - rho)));
    let denom = add(vel, eps);
    if (avg) {
      avg.assign(add(mul(avg, rho), mul(g, 1 - rho)));
      denom = sub(denom, square(avg));
    }
    const inc = div(mul(g, lr), sqrt(denom));
    if (mom) {
      mom.assign(add(mul(mom, momentum), inc));
      w.assign(sub(w, mom));
    } else w.assign(sub(w, inc));
  }
}
