import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { transpose } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ dims: z.array(z.number().int().positive()) }).strict()
  .refine((c) => [...c.dims].sort((a, b) => a - b).every((d, i) => d === i + 1), { message: 'dims must be a permutation of 1..n (1-based; the batch axis stays)', path: ['dims'] });
export type PermuteArgs = z.input<typeof schema>;

/** Permute the non-batch axes; dims are 1-based as in Keras. */
export class Permute extends Layer {
  static override className = 'Permute';
  readonly dims: number[];
  constructor(args: PermuteArgs) {
    const c = validateConfig('permute', schema, args);
    super(c);
    this.dims = c.dims;
    this.inputSpec = [{ ndim: c.dims.length + 1 }];
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return transpose(single(inputs, this.desc), [0, ...this.dims]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    return [s[0]!, ...this.dims.map((d) => s[d]!)];
  }
  override computeOutputDtype(d: DType[]): DType {
    return d[0]!;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims };
  }
}
registerClass(Permute);

export const permute = (args: PermuteArgs): Permute => new Permute(args);
