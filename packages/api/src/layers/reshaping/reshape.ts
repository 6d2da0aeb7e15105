import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import { reshape as reshapeOp } from '../../ops/movement';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ targetShape: z.array(z.number().int().refine((d) => d > 0 || d === -1, 'sizes must be > 0 or -1')) }).strict();
export type ReshapeArgs = z.input<typeof schema>;

/** Reshape everything but the batch axis to `targetShape` (one entry may be -1). */
export class Reshape extends Layer {
  static override className = 'Reshape';
  readonly targetShape: number[];
  constructor(args: ReshapeArgs) {
    const c = validateConfig('reshape', schema, args);
    super(c);
    this.targetShape = c.targetShape;
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    return reshapeOp(x, [x.shape[0]!, ...this.targetShape]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const rest = s.slice(1);
    const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    if (rest.some((d) => d === null)) return [s[0]!, ...this.targetShape.map((d) => (d === -1 ? null : d))];
    const size = (rest as number[]).reduce((a, b) => a * b, 1);
    const free = this.targetShape.includes(-1);
    if ((free && size % known !== 0) || (!free && size !== known)) {
      throw new Error(`cannot reshape input ${fmtShape(s)} (${size} values per example) to target shape ${fmtShape(this.targetShape)}.`);
    }
    return [s[0]!, ...this.targetShape.map((d) => (d === -1 ? size / known : d))];
  }
  override computeOutputDtype(d: DType[]): DType {
    return d[0]!;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), targetShape: this.targetShape };
  }
}
registerClass(Reshape);

export const reshape = (args: ReshapeArgs): Reshape => new Reshape(args);
