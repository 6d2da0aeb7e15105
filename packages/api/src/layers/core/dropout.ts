import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { randomUniform } from '../../tensor/create';
import { cast } from '../../ops/convert';
import { div, greaterEqual, mul } from '../../ops/elementwise';
import { Random, randomFor } from '../../util/random';
import { Layer, baseLayerSchema, single, type CallArgs } from '../base/layer';
import { registerClass } from '../base/serialization';
import { rate01 } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  rate: rate01.refine((r) => r < 1, 'rate must be < 1'),
  noiseShape: z.array(z.number().int().positive().nullable()).optional(),
  seed: z.number().int().optional(),
}).strict();
export type DropoutArgs = z.input<typeof schema>;

/**
 * Zeroes a fraction `rate` of the inputs in training and scales the rest by 1/(1-rate);
 * identity in inference. `noiseShape` (null = the input's size) shares a mask across axes.
 */
export class Dropout extends Layer {
  static override className = 'Dropout';
  readonly rate: number;
  readonly noiseShape: Array<number | null> | undefined;
  readonly seed: number | undefined;
  private readonly rng: Random | null;

  constructor(args: DropoutArgs, where = 'dropout') {
    const c = validateConfig(where, schema, args);
    super(c);
    this.rate = c.rate;
    this.noiseShape = c.noiseShape;
    this.seed = c.seed;
    this.rng = c.seed === undefined ? null : new Random(c.seed);
  }

  /** The mask shape for input shape `s`. */
  protected maskShape(s: number[]): number[] {
    if (!this.noiseShape) return s;
    return s.map((d, i) => this.noiseShape![i] ?? d);
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    if (!kwargs.training || this.rate === 0) return x.clone();
    // a seeded layer draws a fresh mask each call from its own generator: reproducible runs
    const seed = (this.rng ?? randomFor()).nextUint32();
    const keepMask = cast(greaterEqual(randomUniform(this.maskShape(x.shape), 0, 1, 'float32', seed), this.rate), 'float32');
    return div(mul(x, keepMask), 1 - this.rate);
  }

  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = { ...super.getConfig(), rate: this.rate };
    if (this.noiseShape) c['noiseShape'] = this.noiseShape;
    if (this.seed !== undefined) c['seed'] = this.seed;
    return c;
  }
}
registerClass(Dropout);

const spatialSchema = baseLayerSchema.extend({ rate: rate01.refine((r) => r < 1, 'rate must be < 1'), seed: z.number().int().optional() }).strict();
export type SpatialDropoutArgs = z.input<typeof spatialSchema>;

/** Drops whole channels: mask [batch, 1, channels]. */
export class SpatialDropout1D extends Dropout {
  static override className = 'SpatialDropout1D';
  constructor(args: SpatialDropoutArgs) {
    super(validateConfig('spatialDropout1d', spatialSchema, args), 'spatialDropout1d');
    this.inputSpec = [{ ndim: 3 }];
  }
  protected override maskShape(s: number[]): number[] {
    return [s[0]!, 1, s[2]!];
  }
}
registerClass(SpatialDropout1D);

/** Drops whole feature maps: mask [batch, 1, 1, channels]. */
export class SpatialDropout2D extends Dropout {
  static override className = 'SpatialDropout2D';
  constructor(args: SpatialDropoutArgs) {
    super(validateConfig('spatialDropout2d', spatialSchema, args), 'spatialDropout2d');
    this.inputSpec = [{ ndim: 4 }];
  }
  protected override maskShape(s: number[]): number[] {
    return [s[0]!, 1, 1, s[3]!];
  }
}
registerClass(SpatialDropout2D);

export const dropout = (args: DropoutArgs): Dropout => new Dropout(args);
export const spatialDropout1d = (args: SpatialDropoutArgs): SpatialDropout1D => new SpatialDropout1D(args);
export const spatialDropout2d = (args: SpatialDropoutArgs): SpatialDropout2D => new SpatialDropout2D(args);
