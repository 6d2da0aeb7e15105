import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add } from '../../ops/elementwise';
import { conv1d as conv1dOp, conv2d as conv2dOp } from '../../ops/conv';
import { oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { ConvBase, convSchema, convSpatialShape } from './conv-base';

const schema = convSchema.extend({ filters: posInt }).strict();
export type ConvLayerArgs = z.input<typeof schema>;

/** N-D convolution (N = 1 or 2), channels last; kernel [...kernelSize, in, filters]. */
abstract class Conv extends ConvBase {
  readonly filters: number;
  constructor(rank: number, args: ConvLayerArgs, where: string) {
    const c = validateConfig(where, schema, args);
    super(rank, c, where);
    this.filters = c.filters;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const ch = this.channelsOf(oneShape(inputShape, this.desc));
    this.kernel = this.addWeight('kernel', [...this.kernelSize, ch, this.filters], 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    this.addBias(this.filters);
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    let y = this.rank === 1
      ? conv1dOp(x, this.kernel, this.strides[0]!, this.padding, 'NWC', this.dilationRate[0]!)
      : conv2dOp(x, this.kernel, this.strides as [number, number], this.padding, 'NHWC', this.dilationRate as [number, number]);
    if (this.bias) y = add(y, this.bias);
    return this.activation.apply(y);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, ...convSpatialShape(s, this.kernelSize, this.strides, this.dilationRate, this.padding, this.desc), this.filters];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), filters: this.filters };
  }
}

export class Conv1D extends Conv {
  static override className = 'Conv1D';
  constructor(args: ConvLayerArgs) {
    super(1, args, 'conv1d');
  }
}
registerClass(Conv1D);

export class Conv2D extends Conv {
  static override className = 'Conv2D';
  constructor(args: ConvLayerArgs) {
    super(2, args, 'conv2d');
  }
}
registerClass(Conv2D);

export const conv1d = (args: ConvLayerArgs): Conv1D => new Conv1D(args);
export const conv2d = (args: ConvLayerArgs): Conv2D => new Conv2D(args);
