import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, mul, sub } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { reshape, slice, split } from '../../ops/movement';
import type { Activation } from '../../activations';
import { baseLayerSchema } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { resolveActivation, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { gatedCellOptionsShape, resolveCellOptions, serializeCellOptions } from './cell-options';
import { RNNCell } from './rnn-cell';

export const gruCellSchema = baseLayerSchema.extend({
  ...gatedCellOptionsShape,
  /**
   * false (tfjs-layers' default and only mode): the reset gate scales h before the
   * recurrent matMul, bias [3*units]. true (Keras 3's default, cuDNN-compatible): after it,
   * with a separate recurrent bias, bias [2, 3*units] (row 0 input, row 1 recurrent).
   */
  resetAfter: z.boolean().optional(),
}).strict();
export type GRUCellArgs = z.input<typeof gruCellSchema>;

/**
 * Gates z, r, h (that order in kernel, recurrent_kernel and bias, as tfjs-layers/Keras):
 *   z = recAct(xz + hUz);  r = recAct(xr + hUr)
 *   hh = act(xh + (r*h)·Uh)        resetAfter false
 *   hh = act(xh + r*(h·Uh + bh))   resetAfter true
 *   h' = z*h + (1-z)*hh
 */
export class GRUCell extends RNNCell {
  static override className = 'GRUCell';
  readonly stateSize: number[];
  readonly recurrentActivation: Activation;
  readonly resetAfter: boolean;
  readonly implementation: number;

  constructor(args: GRUCellArgs) {
    const where = `gruCell${args?.name ? ` '${args.name}'` : ''}`;
    const c = validateConfig(where, gruCellSchema, args);
    super(c, resolveCellOptions(c, where));
    this.recurrentActivation = resolveActivation(c.recurrentActivation, where, 'hardSigmoid');
    this.resetAfter = c.resetAfter ?? false;
    this.implementation = c.implementation ?? 2;
    this.stateSize = [c.units];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const u = this.units;
    this.addCellWeights(this.stepInputShape(inputShape)[1]!, 3, this.resetAfter ? [2, 3 * u] : [3 * u]);
  }

  /** Row `row` of the [2, 3*units] bias. */
  private biasRow(row: number): Tensor {
    return reshape(slice(this.bias!, [row, 0], [1, 3 * this.units]), [3 * this.units]);
  }

  projectInputs(x: Tensor): Tensor {
    const y = matMul(x, this.kernel);
    if (!this.bias) return y;
    return add(y, this.resetAfter ? this.biasRow(0) : this.bias);
  }

  step(xProj: Tensor, [h]: Tensor[], recurrentMask: Tensor | null): Tensor[] {
    const u = this.units;
    const hPrev = h!;
    const hIn = recurrentMask ? mul(hPrev, recurrentMask) : hPrev;
    const rec = this.recurrentActivation, act = this.opts.activation;
    const [xz, xr, xh] = split(xProj, 3, 1) as [Tensor, Tensor, Tensor];
    let z: Tensor, hh: Tensor;
    if (this.resetAfter) {
      let inner = matMul(hIn, this.recurrentKernel);
      if (this.bias) inner = add(inner, this.biasRow(1));
      const [hz, hr, hhPart] = split(inner, 3, 1) as [Tensor, Tensor, Tensor];
      z = rec.apply(add(xz, hz));
      const r = rec.apply(add(xr, hr));
      hh = act.apply(add(xh, mul(r, hhPart)));
    } else {
      const [uZR, uH] = split(this.recurrentKernel, [2 * u, u], 1) as [Tensor, Tensor];
      const [hz, hr] = split(matMul(hIn, uZR), 2, 1) as [Tensor, Tensor];
      z = rec.apply(add(xz, hz));
      const r = rec.apply(add(xr, hr));
      hh = act.apply(add(xh, matMul(mul(r, hIn), uH)));
    }
    return [add(mul(z, hPrev), mul(sub(1, z), hh))];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), ...serializeCellOptions(this.opts), recurrentActivation: ser.activation(this.recurrentActivation),
      implementation: this.implementation, resetAfter: this.resetAfter,
    };
  }
}
registerClass(GRUCell);

export const gruCell = (args: GRUCellArgs): GRUCell => new GRUCell(args);
