import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { slice, split } from '../../ops/movement';
import { add, mul, sub } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { reshape } from '../../ops/movement';
import { registerClass } from '../base/serialization';
import { activationOpt, resolveActivation, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { RecurrentBase, recurrentSchema } from './recurrent-base';

const schema = recurrentSchema.extend({ recurrentActivation: activationOpt, resetAfter: z.boolean().optional(), implementation: z.number().int().optional() }).strict();
export type GRUArgs = z.input<typeof schema>;

/**
 * Gated recurrent unit; gate order z, r, h. resetAfter false (tfjs-layers' only mode):
 * hh = act(x Wh + (r * h) Uh); resetAfter true (Keras 2.3+/cuDNN): hh = act(x Wh + r * (h Uh + b_rec)),
 * with bias [2, 3u] (input row, recurrent row). h' = z * h + (1 - z) * hh.
 */
export class GRU extends RecurrentBase {
  static override className = 'GRU';
  protected readonly gates = 3;
  protected readonly stateCount = 1;
  readonly recurrentActivation;
  readonly resetAfter: boolean;
  constructor(args: GRUArgs) {
    const c = validateConfig('gru', schema, args);
    super(c);
    this.recurrentActivation = resolveActivation(c.recurrentActivation, this.desc, 'hardSigmoid');
    this.resetAfter = c.resetAfter ?? false;
  }
  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }
  protected override inputBias(): Tensor | null {
    if (!this.bias || !this.resetAfter) return this.bias;
    return reshape(slice(this.bias, [0, 0], [1, -1]), [-1]);
  }
  protected step(xw: Tensor, [h]: Tensor[]): Tensor[] {
    const u = this.units;
    const [xz, xr, xh] = split(xw, 3, 1) as [Tensor, Tensor, Tensor];
    const ra = this.recurrentActivation;
    const uzr = slice(this.recurrentKernel, [0, 0], [u, 2 * u]);
    const uh = slice(this.recurrentKernel, [0, 2 * u], [u, u]);
    let hh: Tensor;
    let z: Tensor;
    if (this.resetAfter) {
      let rec = matMul(h!, this.recurrentKernel);
      if (this.bias) rec = add(rec, reshape(slice(this.bias, [1, 0], [1, -1]), [-1]));
      const [rz, rr, rh] = split(rec, 3, 1) as [Tensor, Tensor, Tensor];
      z = ra.apply(add(xz, rz));
      const r = ra.apply(add(xr, rr));
      hh = this.activation.apply(add(xh, mul(r, rh)));
    } else {
      const [rz, rr] = split(matMul(h!, uzr), 2, 1) as [Tensor, Tensor];
      z = ra.apply(add(xz, rz));
      const r = ra.apply(add(xr, rr));
      hh = this.activation.apply(add(xh, matMul(mul(r, h!), uh)));
    }
    return [add(mul(z, h!), mul(sub(1, z), hh))];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), recurrentActivation: ser.activation(this.recurrentActivation), resetAfter: this.resetAfter };
  }
}
registerClass(GRU);

export const gru = (args: GRUArgs): GRU => new GRU(args);
