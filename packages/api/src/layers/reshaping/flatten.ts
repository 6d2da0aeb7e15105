import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { reshape } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { dataFormatOpt } from '../base/schemas';
import { validateConfig } from '../validate-config';
import type { z } from 'zod';

const schema = baseLayerSchema.extend({ dataFormat: dataFormatOpt }).strict();
export type FlattenArgs = z.input<typeof schema>;

/** [batch, ...] -> [batch, product of the rest]. */
export class Flatten extends Layer {
  static override className = 'Flatten';
  constructor(args: FlattenArgs = {}) {
    super(validateConfig('flatten', schema, args));
    this.inputSpec = [{ minNdim: 2 }];
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    return reshape(x, [x.shape[0]!, -1]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const rest = s.slice(1);
    if (rest.some((d) => d === null)) {
      throw new Error(`flatten needs every non-batch size known, got [${s.map(String)}]; give the input a full shape.`);
    }
    return [s[0]!, (rest as number[]).reduce((a, b) => a * b, 1)];
  }
  override computeOutputDtype(d: DType[]): DType {
    return d[0]!;
  }
}
registerClass(Flatten);

export const flatten = (args?: FlattenArgs): Flatten => new Flatten(args);
