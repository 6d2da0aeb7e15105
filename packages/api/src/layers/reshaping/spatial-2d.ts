import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { pad, reshape, slice, tile } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { dataFormatOpt, nonNegInt, posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';

/** `n`, `[h, w]` or `[[top, bottom], [left, right]]` -> the last form. */
const amounts = z.union([nonNegInt, z.tuple([nonNegInt, nonNegInt]), z.tuple([z.tuple([nonNegInt, nonNegInt]), z.tuple([nonNegInt, nonNegInt])])]);
type Amounts = z.infer<typeof amounts>;
const sides = (p: Amounts): [[number, number], [number, number]] =>
  typeof p === 'number' ? [[p, p], [p, p]] : typeof p[0] === 'number' ? [[p[0], p[0]], [p[1] as number, p[1] as number]] : (p as [[number, number], [number, number]]);
const add = (d: number | null, n: number): number | null => (d === null ? null : d + n);

abstract class Spatial2D extends Layer {
  constructor(args: unknown, schema: z.ZodTypeAny, where: string) {
    super(validateConfig(where, schema, args ?? {}) as z.infer<typeof baseLayerSchema>);
    this.inputSpec = [{ ndim: 4 }];
  }
  override computeOutputDtype(d: DType[]): DType {
    return d[0]!;
  }
}

const padSchema = baseLayerSchema.extend({ padding: amounts.optional(), dataFormat: dataFormatOpt }).strict();
export type ZeroPadding2DArgs = z.input<typeof padSchema>;

/** Pads rows and columns with zeros. */
export class ZeroPadding2D extends Spatial2D {
  static override className = 'ZeroPadding2D';
  readonly padding: [[number, number], [number, number]];
  constructor(args: ZeroPadding2DArgs = {}) {
    super(args, padSchema, 'zeroPadding2d');
    this.padding = sides(args.padding ?? 1);
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return pad(single(inputs, this.desc), [[0, 0], this.padding[0], this.padding[1], [0, 0]]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const [[t, b], [l, r]] = this.padding;
    return [s[0]!, add(s[1]!, t + b), add(s[2]!, l + r), s[3]!];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding, dataFormat: 'channelsLast' };
  }
}
registerClass(ZeroPadding2D);

const cropSchema = baseLayerSchema.extend({ cropping: amounts, dataFormat: dataFormatOpt }).strict();
export type Cropping2DArgs = z.input<typeof cropSchema>;

/** Removes rows and columns from the edges. */
export class Cropping2D extends Spatial2D {
  static override className = 'Cropping2D';
  readonly cropping: [[number, number], [number, number]];
  constructor(args: Cropping2DArgs) {
    super(args, cropSchema, 'cropping2d');
    this.cropping = sides(args.cropping);
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const [[t, b], [l, r]] = this.cropping;
    return slice(x, [0, t, l, 0], [-1, x.shape[1]! - t - b, x.shape[2]! - l - r, -1]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const [[t, b], [l, r]] = this.cropping;
    const h = add(s[1]!, -(t + b));
    const w = add(s[2]!, -(l + r));
    if ((h !== null && h <= 0) || (w !== null && w <= 0)) throw new Error(`cropping ${JSON.stringify(this.cropping)} removes the whole input [${s.map(String)}].`);
    return [s[0]!, h, w, s[3]!];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping, dataFormat: 'channelsLast' };
  }
}
registerClass(Cropping2D);

const upSchema = baseLayerSchema.extend({ size: z.union([posInt, z.tuple([posInt, posInt])]).optional(), interpolation: z.literal('nearest').optional(), dataFormat: dataFormatOpt }).strict();
export type UpSampling2DArgs = z.input<typeof upSchema>;

/** Repeats each row and column `size` times (nearest neighbour). */
export class UpSampling2D extends Spatial2D {
  static override className = 'UpSampling2D';
  readonly size: [number, number];
  constructor(args: UpSampling2DArgs = {}) {
    super(args, upSchema, 'upSampling2d');
    const s = args.size ?? 2;
    this.size = typeof s === 'number' ? [s, s] : s;
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const [b, h, w, c] = x.shape as [number, number, number, number];
    const [sh, sw] = this.size;
    // [b,h,1,w,1,c] tiled to [b,h,sh,w,sw,c], then merged
    const t = tile(reshape(x, [b, h, 1, w, 1, c]), [1, 1, sh, 1, sw, 1]);
    return reshape(t, [b, h * sh, w * sw, c]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, s[1] === null ? null : s[1]! * this.size[0], s[2] === null ? null : s[2]! * this.size[1], s[3]!];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size, interpolation: 'nearest', dataFormat: 'channelsLast' };
  }
}
registerClass(UpSampling2D);

export const zeroPadding2d = (args?: ZeroPadding2DArgs): ZeroPadding2D => new ZeroPadding2D(args);
export const cropping2d = (args: Cropping2DArgs): Cropping2D => new Cropping2D(args);
export const upSampling2d = (args?: UpSampling2DArgs): UpSampling2D => new UpSampling2D(args);
