import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { randomNormal } from '../../tensor/create';
import { add } from '../../ops/elementwise';
import { Random, randomFor } from '../../util/random';
import { Layer, baseLayerSchema, single, type CallArgs } from '../base/layer';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ stddev: z.number().nonnegative(), seed: z.number().int().optional() }).strict();
export type GaussianNoiseArgs = z.input<typeof schema>;

/** Adds N(0, stddev²) noise in training (a regularizer); identity in inference. */
export class GaussianNoise extends Layer {
  static override className = 'GaussianNoise';
  readonly stddev: number;
  readonly seed: number | undefined;
  private readonly rng: Random | null;
  constructor(args: GaussianNoiseArgs) {
    const c = validateConfig('gaussianNoise', schema, args);
    super(c);
    this.stddev = c.stddev;
    this.seed = c.seed;
    this.rng = c.seed === undefined ? null : new Random(c.seed);
  }
  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    if (!kwargs.training) return x.clone();
    return add(x, randomNormal(x.shape, 0, this.stddev, 'float32', (this.rng ?? randomFor()).nextUint32()));
  }
  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = { ...super.getConfig(), stddev: this.stddev };
    if (this.seed !== undefined) c['seed'] = this.seed;
    return c;
  }
}
registerClass(GaussianNoise);

export const gaussianNoise = (args: GaussianNoiseArgs): GaussianNoise => new GaussianNoise(args);
