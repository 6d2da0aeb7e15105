import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { ones } from '../../tensor/create';
import { add, mul } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { concat, split } from '../../ops/movement';
import { Initializer } from '../../initializers';
import type { Activation } from '../../activations';
import { baseLayerSchema } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { resolveActivation, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { gatedCellOptionsShape, resolveCellOptions, serializeCellOptions } from './cell-options';
import { RNNCell } from './rnn-cell';

export const lstmCellSchema = baseLayerSchema.extend({
  ...gatedCellOptionsShape,
  /** Start the forget gate's bias at 1 (the rest from biasInitializer), so early training remembers. */
  unitForgetBias: z.boolean().optional(),
}).strict();
export type LSTMCellArgs = z.input<typeof lstmCellSchema>;

/** bias = [init(units), ones(units), init(2*units)]: the f block of i, f, c, o starts at one. */
class ForgetBiasOnes extends Initializer {
  readonly className = 'LSTMForgetBiasOnes';
  constructor(private readonly inner: Initializer, private readonly units: number) {
    super();
  }
  apply(_shape: number[], dtype: DType = 'float32'): Tensor {
    const u = this.units;
    return concat([this.inner.apply([u], dtype), ones([u], dtype), this.inner.apply([2 * u], dtype)], 0);
  }
}

/**
 * Gates i, f, c, o (that order in kernel, recurrent_kernel and bias, as tfjs-layers/Keras):
 *   z = x·W + b + h·U;  c' = f*c + i*act(zc);  h' = o*act(c'),  i/f/o = recAct(z block).
 * States [h, c].
 */
export class LSTMCell extends RNNCell {
  static override className = 'LSTMCell';
  readonly stateSize: number[];
  readonly recurrentActivation: Activation;
  readonly unitForgetBias: boolean;
  readonly implementation: number;

  constructor(args: LSTMCellArgs) {
    const where = `lstmCell${args?.name ? ` '${args.name}'` : ''}`;
    const c = validateConfig(where, lstmCellSchema, args);
    super(c, resolveCellOptions(c, where));
    this.recurrentActivation = resolveActivation(c.recurrentActivation, where, 'hardSigmoid');
    this.unitForgetBias = c.unitForgetBias ?? true;
    this.implementation = c.implementation ?? 2;
    this.stateSize = [c.units, c.units];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const u = this.units;
    const biasInit = this.unitForgetBias ? new ForgetBiasOnes(this.opts.biasInitializer, u) : this.opts.biasInitializer;
    this.addCellWeights(this.stepInputShape(inputShape)[1]!, 4, [4 * u], biasInit);
  }

  projectInputs(x: Tensor): Tensor {
    const y = matMul(x, this.kernel);
    return this.bias ? add(y, this.bias) : y;
  }

  step(xProj: Tensor, [h, c]: Tensor[], recurrentMask: Tensor | null): Tensor[] {
    const hIn = recurrentMask ? mul(h!, recurrentMask) : h!;
    const z = add(xProj, matMul(hIn, this.recurrentKernel));
    const [zi, zf, zc, zo] = split(z, 4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const rec = this.recurrentActivation, act = this.opts.activation;
    const cNext = add(mul(rec.apply(zf), c!), mul(rec.apply(zi), act.apply(zc)));
    return [mul(rec.apply(zo), act.apply(cNext)), cNext];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), ...serializeCellOptions(this.opts), recurrentActivation: ser.activation(this.recurrentActivation),
      unitForgetBias: this.unitForgetBias, implementation: this.implementation,
    };
  }
}
registerClass(LSTMCell);

export const lstmCell = (args: LSTMCellArgs): LSTMCell => new LSTMCell(args);
