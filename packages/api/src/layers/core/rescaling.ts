import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, mul } from '../../ops/elementwise';
import { Layer, baseLayerSchema, single, type CallArgs } from '../base/layer';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ scale: z.number(), offset: z.number().optional() }).strict();
export type RescalingArgs = z.input<typeof schema>;

/** y = x * scale + offset (e.g. scale 1/255 for image bytes). */
export class Rescaling extends Layer {
  static override className = 'Rescaling';
  readonly scale: number;
  readonly offset: number;
  constructor(args: RescalingArgs) {
    const c = validateConfig('rescaling', schema, args);
    super(c);
    this.scale = c.scale;
    this.offset = c.offset ?? 0;
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return add(mul(single(inputs, this.desc).cast('float32'), this.scale), this.offset);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scale: this.scale, offset: this.offset };
  }
}
registerClass(Rescaling);

export const rescaling = (args: RescalingArgs): Rescaling => new Rescaling(args);
