import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, div, sqrt } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { expandDims, reshape, transpose } from '../../ops/movement';
import { sum } from '../../ops/reduce';
import { square } from '../../ops/elementwise';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  axes: z.union([z.number().int(), z.tuple([z.number().int(), z.number().int()])]),
  normalize: z.boolean().optional(),
}).strict();
export type DotArgs = z.input<typeof schema>;

/** Batched dot product of two rank-2 or rank-3 inputs along `axes`; normalize gives cosine similarity. */
export class Dot extends Layer {
  static override className = 'Dot';
  readonly axes: number | [number, number];
  readonly normalize: boolean;
  constructor(args: DotArgs) {
    const c = validateConfig('dot', schema, args);
    super(c);
    this.axes = c.axes;
    this.normalize = c.normalize ?? false;
  }

  private resolvedAxes(ra: number, rb: number): [number, number] {
    const [a, b] = typeof this.axes === 'number' ? [this.axes, this.axes] : this.axes;
    const fix = (x: number, r: number): number => (x < 0 ? x + r : x);
    const out: [number, number] = [fix(a, ra), fix(b, rb)];
    if (out[0] < 1 || out[1] < 1) throw new Error(`${this.desc}: axes must not include the batch axis 0, got ${JSON.stringify(this.axes)}.`);
    return out;
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    if (!Array.isArray(inputs) || inputs.length !== 2) throw new Error(`${this.desc} needs exactly 2 inputs.`);
    let [a, b] = inputs.map((x) => x.cast('float32')) as [Tensor, Tensor];
    const [axA, axB] = this.resolvedAxes(a.rank, b.rank);
    if (this.normalize) {
      a = div(a, sqrt(add(sum(square(a), axA, true), 1e-12)));
      b = div(b, sqrt(add(sum(square(b), axB, true), 1e-12)));
    }
    const a3 = a.rank === 2 ? expandDims(a, 1) : axA === 1 ? transpose(a, [0, 2, 1]) : a; // [b, n, k]
    const b3 = b.rank === 2 ? expandDims(b, 2) : axB === 2 ? transpose(b, [0, 2, 1]) : b; // [b, k, m]
    const y = matMul(a3, b3);
    const out = this.computeOutputShape([a.shape, b.shape]) as number[];
    return reshape(y, [a.shape[0]!, ...out.slice(1)]);
  }

  override computeOutputShape(s: SymShape | SymShape[]): SymShape {
    if (!isShapeList(s) || s.length !== 2) throw new Error('needs exactly 2 inputs.');
    const [a, b] = s as [SymShape, SymShape];
    if (a.length < 2 || a.length > 3 || b.length < 2 || b.length > 3) throw new Error(`supports rank 2 or 3 inputs, got ${fmtShape(a)} and ${fmtShape(b)}.`);
    const [axA, axB] = this.resolvedAxes(a.length, b.length);
    if (a[axA] !== null && b[axB] !== null && a[axA] !== b[axB]) {
      throw new Error(`inputs ${fmtShape(a)} and ${fmtShape(b)} have sizes ${a[axA]} and ${b[axB]} on the dot axes.`);
    }
    const restA = a.filter((_, i) => i !== 0 && i !== axA);
    const restB = b.filter((_, i) => i !== 0 && i !== axB);
    const rest = [...restA, ...restB];
    return [a[0]!, ...(rest.length ? rest : [1])];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: this.axes, normalize: this.normalize };
  }
}
registerClass(Dot);

export const dot = (args: DotArgs): Dot => new Dot(args);
