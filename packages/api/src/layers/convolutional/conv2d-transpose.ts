import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add } from '../../ops/elementwise';
import { conv2dTranspose as conv2dTransposeOp } from '../../ops/conv';
import { oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { ConvBase, convSchema } from './conv-base';

const schema = convSchema.extend({ filters: posInt }).strict();
export type Conv2DTransposeArgs = z.input<typeof schema>;

/** Output length of a transposed convolution axis (tfjs deconvLength, dilation 1). */
const deconvLength = (d: number | null, k: number, s: number, padding: string): number | null =>
  d === null ? null : padding === 'same' ? d * s : d * s + Math.max(k - s, 0);

/** The gradient of a convolution used forwards (upsampling); kernel [kh, kw, filters, in]. */
export class Conv2DTranspose extends ConvBase {
  static override className = 'Conv2DTranspose';
  readonly filters: number;
  constructor(args: Conv2DTransposeArgs) {
    const c = validateConfig('conv2dTranspose', schema, args);
    super(2, c, 'conv2dTranspose');
    if (this.dilationRate.some((d) => d !== 1)) throw new Error(`${this.desc}: dilationRate other than 1 is not supported.`);
    this.filters = c.filters;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const ch = this.channelsOf(oneShape(inputShape, this.desc));
    this.kernel = this.addWeight('kernel', [...this.kernelSize, this.filters, ch], 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    this.addBias(this.filters);
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    const [, h, w] = this.computeOutputShape(x.shape) as number[];
    let y = conv2dTransposeOp(x, this.kernel, [x.shape[0]!, h!, w!, this.filters], this.strides as [number, number], this.padding);
    if (this.bias) y = add(y, this.bias);
    return this.activation.apply(y);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, deconvLength(s[1]!, this.kernelSize[0]!, this.strides[0]!, this.padding), deconvLength(s[2]!, this.kernelSize[1]!, this.strides[1]!, this.padding), this.filters];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), filters: this.filters };
  }
}
registerClass(Conv2DTranspose);

export const conv2dTranspose = (args: Conv2DTransposeArgs): Conv2DTranspose => new Conv2DTranspose(args);
