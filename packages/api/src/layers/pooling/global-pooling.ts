import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { max, mean } from '../../ops/reduce';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { dataFormatOpt } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ dataFormat: dataFormatOpt }).strict();
export type GlobalPoolingArgs = z.input<typeof schema>;

/** Max or mean over every spatial axis: [batch, ...spatial, channels] -> [batch, channels]. */
abstract class GlobalPooling extends Layer {
  constructor(readonly rank: 1 | 2, readonly kind: 'max' | 'avg', args: GlobalPoolingArgs, where: string) {
    super(validateConfig(where, schema, args ?? {}));
    this.inputSpec = [{ ndim: rank + 2 }];
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    const axes = this.rank === 1 ? [1] : [1, 2];
    return this.kind === 'max' ? max(x, axes) : mean(x, axes);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, s[s.length - 1]!];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: 'channelsLast' };
  }
}

export class GlobalMaxPooling1D extends GlobalPooling {
  static override className = 'GlobalMaxPooling1D';
  constructor(args: GlobalPoolingArgs = {}) { super(1, 'max', args, 'globalMaxPooling1d'); }
}
export class GlobalMaxPooling2D extends GlobalPooling {
  static override className = 'GlobalMaxPooling2D';
  constructor(args: GlobalPoolingArgs = {}) { super(2, 'max', args, 'globalMaxPooling2d'); }
}
export class GlobalAveragePooling1D extends GlobalPooling {
  static override className = 'GlobalAveragePooling1D';
  constructor(args: GlobalPoolingArgs = {}) { super(1, 'avg', args, 'globalAveragePooling1d'); }
}
export class GlobalAveragePooling2D extends GlobalPooling {
  static override className = 'GlobalAveragePooling2D';
  constructor(args: GlobalPoolingArgs = {}) { super(2, 'avg', args, 'globalAveragePooling2d'); }
}
[GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D].forEach(registerClass);

export const globalMaxPooling1d = (args?: GlobalPoolingArgs): GlobalMaxPooling1D => new GlobalMaxPooling1D(args);
export const globalMaxPooling2d = (args?: GlobalPoolingArgs): GlobalMaxPooling2D => new GlobalMaxPooling2D(args);
export const globalAveragePooling1d = (args?: GlobalPoolingArgs): GlobalAveragePooling1D => new GlobalAveragePooling1D(args);
export const globalAveragePooling2d = (args?: GlobalPoolingArgs): GlobalAveragePooling2D => new GlobalAveragePooling2D(args);
