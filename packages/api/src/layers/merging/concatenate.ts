import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { concat } from '../../ops/movement';
import { fmtShape, normalizeAxis } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({ axis: z.number().int().optional() }).strict();
export type ConcatenateArgs = z.input<typeof schema>;

/** Joins a list of inputs along `axis` (default -1); other sizes must agree. */
export class Concatenate extends Layer {
  static override className = 'Concatenate';
  readonly axis: number;
  constructor(args: ConcatenateArgs = {}) {
    const c = validateConfig('concatenate', schema, args);
    super(c);
    this.axis = c.axis ?? -1;
  }
  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    if (!Array.isArray(inputs) || inputs.length < 2) throw new Error(`${this.desc} needs a list of at least 2 inputs.`);
    return concat(inputs.map((x) => x.cast('float32')), normalizeAxis(this.axis, inputs[0]!.rank, this.desc));
  }
  override computeOutputShape(s: SymShape | SymShape[]): SymShape {
    if (!isShapeList(s) || s.length < 2) throw new Error('needs a list of at least 2 inputs.');
    const rank = s[0]!.length;
    const ax = normalizeAxis(this.axis, rank, this.desc);
    return s.reduce((a, b) => {
      if (b.length !== rank) throw new Error(`all inputs need rank ${rank}, got ${fmtShape(s[0]!)} and ${fmtShape(b)}.`);
      return a.map((d, i) => {
        if (i === ax) return d === null || b[i] === null ? null : d + b[i]!;
        if (d !== null && b[i] !== null && d !== b[i]) {
          throw new Error(`inputs ${fmtShape(a)} and ${fmtShape(b)} differ on axis ${i}; only the concatenation axis ${this.axis} may differ.`);
        }
        return d ?? b[i]!;
      });
    });
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
registerClass(Concatenate);

export const concatenate = (args?: ConcatenateArgs): Concatenate => new Concatenate(args);
