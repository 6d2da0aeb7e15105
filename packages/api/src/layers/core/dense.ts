import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { reshape } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import {
  activationOpt, kernelBiasOptions, posInt, resolveActivation, resolveConstraint, resolveInit, resolveReg, ser,
} from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  units: posInt,
  activation: activationOpt,
  ...kernelBiasOptions,
  inputDim: posInt.optional(),
}).strict();
export type DenseArgs = z.input<typeof schema>;

/** y = activation(x · kernel + bias) on the last axis; kernel [in, units]. */
export class Dense extends Layer {
  static override className = 'Dense';
  readonly units: number;
  private readonly cfg: z.output<typeof schema>;
  readonly activation; readonly useBias: boolean;
  readonly kernelInitializer; readonly biasInitializer;
  readonly kernelRegularizer; readonly biasRegularizer; readonly kernelConstraint; readonly biasConstraint;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: DenseArgs) {
    const c = validateConfig('dense', schema, args);
    super(c.inputDim && !c.inputShape && !c.batchInputShape ? { ...c, inputShape: [c.inputDim] } : c);
    this.cfg = c;
    const w = this.desc;
    this.units = c.units;
    this.activation = resolveActivation(c.activation, w);
    this.useBias = c.useBias ?? true;
    this.kernelInitializer = resolveInit(c.kernelInitializer, 'glorotUniform', w);
    this.biasInitializer = resolveInit(c.biasInitializer, 'zeros', w);
    this.kernelRegularizer = resolveReg(c.kernelRegularizer, w);
    this.biasRegularizer = resolveReg(c.biasRegularizer, w);
    this.kernelConstraint = resolveConstraint(c.kernelConstraint, w);
    this.biasConstraint = resolveConstraint(c.biasConstraint, w);
    this.inputSpec = [{ minNdim: 2 }];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    const inDim = s[s.length - 1];
    if (inDim === null || inDim === undefined) throw new Error(`the last axis of the input must be known, got [${s}].`);
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
    this.inputSpec = [{ minNdim: 2, axes: { [-1]: inDim } }];
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const flat = x.rank === 2 ? x : reshape(x, [-1, x.shape[x.rank - 1]!]);
    let y = matMul(flat.cast('float32'), this.kernel);
    if (this.bias) y = add(y, this.bias);
    if (x.rank !== 2) y = reshape(y, [...x.shape.slice(0, -1), this.units]);
    return this.activation.apply(y);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [...s.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), units: this.units, activation: ser.activation(this.activation), useBias: this.useBias,
      kernelInitializer: ser.init(this.kernelInitializer), biasInitializer: ser.init(this.biasInitializer),
      kernelRegularizer: ser.reg(this.kernelRegularizer), biasRegularizer: ser.reg(this.biasRegularizer),
      kernelConstraint: ser.constraint(this.kernelConstraint), biasConstraint: ser.constraint(this.biasConstraint),
    };
  }
}
registerClass(Dense);

export const dense = (args: DenseArgs): Dense => new Dense(args);
