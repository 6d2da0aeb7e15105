import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, div, mul, sqrt, square, sub } from '../../ops/elementwise';
import { Optimizer, type OptimizerOptions } from './optimizer';

export interface NadamOptions extends OptimizerOptions { beta1?: number; beta2?: number; epsilon?: number }

/** Keras 3 Nadam with the 0.96^(0.004 t) momentum schedule; the running product is saved state. */
export class Nadam extends Optimizer {
  readonly name = 'Nadam';
  private uProduct = 1;
  private stepCoeffs = { ut: 0, ut1: 0, prodT: 1, prodT1: 1 };
  constructor(readonly config: NadamOptions = {}) { super(config, 0.001); }
  protected slotNames(): string[] { return ['m', 'v']; }
  protected override extraState(): number[] { return [this.uProduct]; }
  protected override setExtraState([p]: number[]): void { this.uProduct = p ?? 1; }

  protected override beginStep(t: number): void {
    const b1 = this.config.beta1 ?? 0.9;
    const ut = b1 * (1 - 0.5 * 0.96 ** (t * 0.004));
    const ut1 = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * 0.004));
    const prodT = this.uProduct * ut;
    this.stepCoeffs = { ut, ut1, prodT, prodT1: prodT * ut1 };
    this.uProduct = prodT;
  }

  protected update(w: Variable, g: Tensor, [m, v]: Variable[], lr: number, t: number): void {
    const { beta1: b1 = 0.9, beta2: b2 = 0.999, epsilon: eps = 1e-7 } = this.config;
    const { ut, ut1, prodT, prodT1 } = this.stepCoeffs;
    m!.assign(add(m!, mul(sub(g, m!), 1 - b1)));
    v!.assign(add(v!, mul(sub(square(g), v!), 1 - b2)));
    const mHat = add(mul(m!, ut1 / (1 - prodT1)), mul(g, (1 - ut) / (1 - prodT)));
    const vHat = div(v!, 1 - b2 ** t);
    w.assign(sub(w, div(mul(mHat, lr), add(sqrt(vHat), eps))));
  }
}
