import { z } from 'zod';
import type { Variable } from '../../tensor/variable';
import { convAxis, fmtShape, type PaddingSpec } from '../../util/shape';
import { Layer, baseLayerSchema } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import {
  activationOpt, dataFormatOpt, kernelBiasOptions, posInt, resolveActivation, resolveConstraint, resolveInit, resolveReg, ser,
} from '../base/schemas';
import type { Activation } from '../../activations';
import type { Initializer } from '../../initializers';
import type { Regularizer } from '../../regularizers';
import type { Constraint } from '../../constraints';

const sizes = z.union([posInt, z.array(posInt)]);
/** Options shared by the convolution layers (tfjs-layers names). */
export const convSchema = baseLayerSchema.extend({
  kernelSize: sizes,
  strides: sizes.optional(),
  padding: z.enum(['valid', 'same', 'causal']).optional(),
  dataFormat: dataFormatOpt,
  dilationRate: sizes.optional(),
  activation: activationOpt,
  ...kernelBiasOptions,
});
export type ConvArgs = z.input<typeof convSchema>;

/** `3` or `[3]` -> [3, 3] for rank 2; checks the length. */
export function tupleOf(v: number | number[], rank: number, field: string, where: string): number[] {
  const a = typeof v === 'number' ? new Array<number>(rank).fill(v) : v;
  if (a.length !== rank) throw new Error(`${where}: '${field}' needs ${rank} number${rank > 1 ? 's' : ''}, got [${a}].`);
  return a;
}

/** Output size of each spatial axis of a channels-last input (null stays null). */
export function convSpatialShape(
  s: SymShape, kernel: number[], strides: number[], dilation: number[], padding: PaddingSpec, desc: string,
): SymShape {
  const rank = kernel.length;
  return kernel.map((k, i) => {
    const d = s[1 + i];
    if (d === null || d === undefined) return null;
    const { out } = convAxis(d, k, strides[i]!, dilation[i]!, padding, (rank === 1 ? 1 : i) as 0 | 1);
    if (out <= 0) throw new Error(`${desc}: a ${kernel.join('x')} kernel does not fit input ${fmtShape(s)} with padding '${padding}'.`);
    return out;
  });
}

/** Kernel, bias and activation plumbing common to Conv1D/Conv2D/Conv2DTranspose and friends. */
export abstract class ConvBase extends Layer {
  readonly rank: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same' | 'causal';
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer; readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null; readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null; readonly biasConstraint: Constraint | null;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(rank: number, c: z.output<typeof convSchema>, where: string) {
    super(c);
    const w = this.desc;
    this.rank = rank;
    this.kernelSize = tupleOf(c.kernelSize, rank, 'kernelSize', where);
    this.strides = tupleOf(c.strides ?? 1, rank, 'strides', where);
    this.dilationRate = tupleOf(c.dilationRate ?? 1, rank, 'dilationRate', where);
    this.padding = c.padding ?? 'valid';
    if (this.padding === 'causal' && rank !== 1) throw new Error(`${where}: padding 'causal' is only for 1-D convolutions.`);
    this.activation = resolveActivation(c.activation, w);
    this.useBias = c.useBias ?? true;
    this.kernelInitializer = resolveInit(c.kernelInitializer, 'glorotUniform', w);
    this.biasInitializer = resolveInit(c.biasInitializer, 'zeros', w);
    this.kernelRegularizer = resolveReg(c.kernelRegularizer, w);
    this.biasRegularizer = resolveReg(c.biasRegularizer, w);
    this.kernelConstraint = resolveConstraint(c.kernelConstraint, w);
    this.biasConstraint = resolveConstraint(c.biasConstraint, w);
    this.inputSpec = [{ ndim: rank + 2 }];
  }

  /** The input's channel count, which must be known to build. */
  protected channelsOf(s: SymShape): number {
    const ch = s[s.length - 1];
    if (ch === null || ch === undefined) throw new Error(`the channel axis (last) of the input must be known, got ${fmtShape(s)}.`);
    this.inputSpec = [{ ndim: this.rank + 2, axes: { [-1]: ch } }];
    return ch;
  }

  protected addBias(size: number): void {
    if (this.useBias) this.bias = this.addWeight('bias', [size], 'float32', this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), kernelSize: this.kernelSize, strides: this.strides, padding: this.padding, dataFormat: 'channelsLast',
      dilationRate: this.dilationRate, activation: ser.activation(this.activation), useBias: this.useBias,
      kernelInitializer: ser.init(this.kernelInitializer), biasInitializer: ser.init(this.biasInitializer),
      kernelRegularizer: ser.reg(this.kernelRegularizer), biasRegularizer: ser.reg(this.biasRegularizer),
      kernelConstraint: ser.constraint(this.kernelConstraint), biasConstraint: ser.constraint(this.biasConstraint),
    };
  }
}
