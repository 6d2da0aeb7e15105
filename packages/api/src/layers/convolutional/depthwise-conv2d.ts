import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add } from '../../ops/elementwise';
import { depthwiseConv2d as depthwiseOp, separableConv2d as separableOp } from '../../ops/conv';
import { oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { constraintOpt, initializerOpt, posInt, regularizerOpt, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { ConvBase, convSchema, convSpatialShape } from './conv-base';
import type { Initializer } from '../../initializers';
import type { Regularizer } from '../../regularizers';
import type { Constraint } from '../../constraints';

const depthwiseFields = {
  depthMultiplier: posInt.optional(),
  depthwiseInitializer: initializerOpt,
  depthwiseRegularizer: regularizerOpt,
  depthwiseConstraint: constraintOpt,
};
const depthwiseSchema = convSchema.extend(depthwiseFields).strict();
export type DepthwiseConv2DArgs = z.input<typeof depthwiseSchema>;

/** One filter bank per input channel; depthwise kernel [kh, kw, in, depthMultiplier]. */
export class DepthwiseConv2D extends ConvBase {
  static override className = 'DepthwiseConv2D';
  readonly depthMultiplier: number;
  readonly depthwiseInitializer: Initializer;
  readonly depthwiseRegularizer: Regularizer | null;
  readonly depthwiseConstraint: Constraint | null;
  depthwiseKernel!: Variable;

  constructor(args: DepthwiseConv2DArgs, where = 'depthwiseConv2d', schema: z.ZodTypeAny = depthwiseSchema) {
    const c = validateConfig(where, schema, args) as z.output<typeof depthwiseSchema>;
    super(2, c, where);
    this.depthMultiplier = c.depthMultiplier ?? 1;
    this.depthwiseInitializer = resolveInit(c.depthwiseInitializer, 'glorotUniform', this.desc);
    this.depthwiseRegularizer = resolveReg(c.depthwiseRegularizer, this.desc);
    this.depthwiseConstraint = resolveConstraint(c.depthwiseConstraint, this.desc);
  }

  protected outChannels(inChannels: number): number {
    return inChannels * this.depthMultiplier;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const ch = this.channelsOf(oneShape(inputShape, this.desc));
    this.depthwiseKernel = this.addWeight('depthwise_kernel', [...this.kernelSize, ch, this.depthMultiplier], 'float32',
      this.depthwiseInitializer, this.depthwiseRegularizer, true, this.depthwiseConstraint);
    this.addBias(ch * this.depthMultiplier);
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    let y = depthwiseOp(x, this.depthwiseKernel, this.strides as [number, number], this.padding, 'NHWC', this.dilationRate as [number, number]);
    if (this.bias) y = add(y, this.bias);
    return this.activation.apply(y);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const ch = s[s.length - 1];
    return [s[0]!, ...convSpatialShape(s, this.kernelSize, this.strides, this.dilationRate, this.padding, this.desc), ch === null ? null : this.outChannels(ch!)];
  }

  override getConfig(): Record<string, unknown> {
    const { kernelInitializer: _a, kernelRegularizer: _b, kernelConstraint: _c, ...rest } = super.getConfig();
    return {
      ...rest, depthMultiplier: this.depthMultiplier, depthwiseInitializer: ser.init(this.depthwiseInitializer),
      depthwiseRegularizer: ser.reg(this.depthwiseRegularizer), depthwiseConstraint: ser.constraint(this.depthwiseConstraint),
    };
  }
}
registerClass(DepthwiseConv2D);

const separableSchema = convSchema.extend({
  ...depthwiseFields,
  filters: posInt,
  pointwiseInitializer: initializerOpt,
  pointwiseRegularizer: regularizerOpt,
  pointwiseConstraint: constraintOpt,
}).strict();
export type SeparableConv2DArgs = z.input<typeof separableSchema>;

/** Depthwise then 1x1 pointwise; weights depthwise_kernel, pointwise_kernel [1,1,in*mult,filters], bias. */
export class SeparableConv2D extends DepthwiseConv2D {
  static override className = 'SeparableConv2D';
  readonly filters: number;
  readonly pointwiseInitializer: Initializer;
  readonly pointwiseRegularizer: Regularizer | null;
  readonly pointwiseConstraint: Constraint | null;
  pointwiseKernel!: Variable;

  constructor(args: SeparableConv2DArgs) {
    super(args as DepthwiseConv2DArgs, 'separableConv2d', separableSchema);
    this.filters = args.filters;
    this.pointwiseInitializer = resolveInit(args.pointwiseInitializer, 'glorotUniform', this.desc);
    this.pointwiseRegularizer = resolveReg(args.pointwiseRegularizer, this.desc);
    this.pointwiseConstraint = resolveConstraint(args.pointwiseConstraint, this.desc);
  }

  protected override outChannels(_in: number): number {
    return this.filters;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const ch = this.channelsOf(oneShape(inputShape, this.desc));
    this.depthwiseKernel = this.addWeight('depthwise_kernel', [...this.kernelSize, ch, this.depthMultiplier], 'float32',
      this.depthwiseInitializer, this.depthwiseRegularizer, true, this.depthwiseConstraint);
    this.pointwiseKernel = this.addWeight('pointwise_kernel', [1, 1, ch * this.depthMultiplier, this.filters], 'float32',
      this.pointwiseInitializer, this.pointwiseRegularizer, true, this.pointwiseConstraint);
    this.addBias(this.filters);
  }

  override call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    let y = separableOp(x, this.depthwiseKernel, this.pointwiseKernel, this.strides as [number, number], this.padding, this.dilationRate as [number, number]);
    if (this.bias) y = add(y, this.bias);
    return this.activation.apply(y);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), filters: this.filters, pointwiseInitializer: ser.init(this.pointwiseInitializer),
      pointwiseRegularizer: ser.reg(this.pointwiseRegularizer), pointwiseConstraint: ser.constraint(this.pointwiseConstraint),
    };
  }
}
registerClass(SeparableConv2D);

export const depthwiseConv2d = (args: DepthwiseConv2DArgs): DepthwiseConv2D => new DepthwiseConv2D(args);
export const separableConv2d = (args: SeparableConv2DArgs): SeparableConv2D => new SeparableConv2D(args);
