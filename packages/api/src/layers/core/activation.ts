import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { Layer, baseLayerSchema, single, type CallArgs } from '../base/layer';
import { registerClass } from '../base/serialization';
import { resolveActivation, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ activation: z.string() }).strict();
export type ActivationArgs = z.input<typeof schema>;

/** Applies a named activation elementwise. */
export class ActivationLayer extends Layer {
  static override className = 'Activation';
  readonly activation;
  constructor(args: ActivationArgs) {
    const c = validateConfig('activation', schema, args);
    super(c);
    this.activation = resolveActivation(c.activation, this.desc);
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return this.activation.apply(single(inputs, this.desc));
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: ser.activation(this.activation) };
  }
}
registerClass(ActivationLayer);

export const activation = (args: ActivationArgs): ActivationLayer => new ActivationLayer(args);
