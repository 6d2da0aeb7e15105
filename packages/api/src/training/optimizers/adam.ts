import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, div, maximum, mul, sqrt, square, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface AdamOptions extends OptimizerOptions { beta1?: number; beta2?: number; epsilon?: number; amsgrad?: boolean }

/**
 * Keras 3 Adam: m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2);
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps). Defaults lr 1e-3, eps 1e-7
 * (tfjs uses eps 1e-7 too, but applies it the same way).
 */
export class Adam extends Optimizer {
  readonly name: string = 'Adam';
  constructor(readonly config: AdamOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return this.config.amsgrad ? ['m', 'v', 'vhat'] : ['m', 'v']; }
  protected update(w: Variable, g: Tensor, [m, v, vhat]: Variable[], lr: number, t: number): void {
    const { beta1: b1 = 0.9, beta2: b2 = 0.999, epsilon: eps = 1e-7 } = this.config;
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    m!.assign(add(m!, mul(sub(g, m!), 1 - b1)));
    v!.assign(add(v!, mul(sub(square(g), v!), 1 - b2)));
    let denomV: Tensor = v!;
    if (vhat) {
      vhat.assign(maximum(vhat, v!));
      denomV = vhat;
    }
    w.assign(sub(w, div(mul(m!, alpha), add(sqrt(denomV), eps))));
  }
}

/** Adam with decoupled weight decay (default 0.004, as Keras 3). */
export class AdamW extends Adam {
  override readonly name = 'AdamW';
  constructor(config: AdamOptions = {}) { super({ ...config, weightDecay: config.weightDecay ?? 0.004 }); }
}
