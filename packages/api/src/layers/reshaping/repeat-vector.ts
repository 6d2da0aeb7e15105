import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { expandDims, tile } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ n: posInt }).strict();
export type RepeatVectorArgs = z.input<typeof schema>;

/** [batch, features] -> [batch, n, features]. */
export class RepeatVector extends Layer {
  static override className = 'RepeatVector';
  readonly n: number;
  constructor(args: RepeatVectorArgs) {
    const c = validateConfig('repeatVector', schema, args);
    super(c);
    this.n = c.n;
    this.inputSpec = [{ ndim: 2 }];
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return tile(expandDims(single(inputs, this.desc), 1), [1, this.n, 1]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, this.n, s[1]!];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}
registerClass(RepeatVector);

export const repeatVector = (args: RepeatVectorArgs): RepeatVector => new RepeatVector(args);
