import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { avgPool, maxPool } from '../../ops/conv';
import { expandDims, squeeze } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { dataFormatOpt, paddingOpt, posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { convSpatialShape, tupleOf } from '../convolutional/conv-base';

const sizes = z.union([posInt, z.array(posInt)]);
const schema = baseLayerSchema.extend({ poolSize: sizes.optional(), strides: sizes.nullable().optional(), padding: paddingOpt, dataFormat: dataFormatOpt }).strict();
export type PoolingArgs = z.input<typeof schema>;

/** Max or average pooling over 1 or 2 spatial axes, channels last; strides default to poolSize. */
abstract class Pooling extends Layer {
  readonly poolSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  constructor(readonly rank: 1 | 2, readonly kind: 'max' | 'avg', args: PoolingArgs, where: string) {
    const c = validateConfig(where, schema, args ?? {});
    super(c);
    this.poolSize = tupleOf(c.poolSize ?? 2, rank, 'poolSize', where);
    this.strides = tupleOf(c.strides ?? this.poolSize, rank, 'strides', where);
    this.padding = c.padding ?? 'valid';
    this.inputSpec = [{ ndim: rank + 2 }];
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    const op = this.kind === 'max' ? maxPool : avgPool;
    if (this.rank === 2) return op(x, this.poolSize as [number, number], this.strides as [number, number], this.padding);
    // 1-D as 2-D with a height of 1
    return squeeze(op(expandDims(x, 1), [1, this.poolSize[0]!], [1, this.strides[0]!], this.padding), 1);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const ones = this.poolSize.map(() => 1);
    return [s[0]!, ...convSpatialShape(s, this.poolSize, this.strides, ones, this.padding, this.desc), s[s.length - 1]!];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding, dataFormat: 'channelsLast' };
  }
}

export class MaxPooling1D extends Pooling {
  static override className = 'MaxPooling1D';
  constructor(args: PoolingArgs = {}) { super(1, 'max', args, 'maxPooling1d'); }
}
export class MaxPooling2D extends Pooling {
  static override className = 'MaxPooling2D';
  constructor(args: PoolingArgs = {}) { super(2, 'max', args, 'maxPooling2d'); }
}
export class AveragePooling1D extends Pooling {
  static override className = 'AveragePooling1D';
  constructor(args: PoolingArgs = {}) { super(1, 'avg', args, 'averagePooling1d'); }
}
export class AveragePooling2D extends Pooling {
  static override className = 'AveragePooling2D';
  constructor(args: PoolingArgs = {}) { super(2, 'avg', args, 'averagePooling2d'); }
}
[MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D].forEach(registerClass);

export const maxPooling1d = (args?: PoolingArgs): MaxPooling1D => new MaxPooling1D(args);
export const maxPooling2d = (args?: PoolingArgs): MaxPooling2D => new MaxPooling2D(args);
export const averagePooling1d = (args?: PoolingArgs): AveragePooling1D => new AveragePooling1D(args);
export const averagePooling2d = (args?: PoolingArgs): AveragePooling2D => new AveragePooling2D(args);
