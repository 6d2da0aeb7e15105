import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, div, maximum, minimum, mul, sub } from '../../ops/elementwise';
import { broadcastShapes, fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.strict();
export type MergeArgs = z.input<typeof schema>;

/** Elementwise merge of a list of same-shaped (or broadcastable) inputs. */
export abstract class Merge extends Layer {
  constructor(args: MergeArgs | undefined, where: string) {
    super(validateConfig(where, schema, args ?? {}));
  }

  protected abstract combine(xs: Tensor[]): Tensor;

  protected inputsOf(inputs: Tensor | Tensor[]): Tensor[] {
    if (!Array.isArray(inputs) || inputs.length < 2) throw new Error(`${this.desc} needs a list of at least 2 inputs.`);
    return inputs;
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return this.combine(this.inputsOf(inputs).map((x) => x.cast('float32')));
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    if (!isShapeList(inputShape) || inputShape.length < 2) throw new Error(`needs a list of at least 2 inputs.`);
    return inputShape.reduce((a, b) => broadcastShapes(a, b, `${this.desc}: inputs ${fmtShape(a)} and ${fmtShape(b)}`));
  }
}

const fold = (f: (a: Tensor, b: Tensor) => Tensor) => (xs: Tensor[]): Tensor => xs.slice(1).reduce(f, xs[0]!);

export class Add extends Merge {
  static override className = 'Add';
  constructor(args?: MergeArgs) { super(args, 'add'); }
  protected combine = fold(add);
}
export class Multiply extends Merge {
  static override className = 'Multiply';
  constructor(args?: MergeArgs) { super(args, 'multiply'); }
  protected combine = fold(mul);
}
export class Maximum extends Merge {
  static override className = 'Maximum';
  constructor(args?: MergeArgs) { super(args, 'maximum'); }
  protected combine = fold(maximum);
}
export class Minimum extends Merge {
  static override className = 'Minimum';
  constructor(args?: MergeArgs) { super(args, 'minimum'); }
  protected combine = fold(minimum);
}
export class Average extends Merge {
  static override className = 'Average';
  constructor(args?: MergeArgs) { super(args, 'average'); }
  protected combine = (xs: Tensor[]): Tensor => div(fold(add)(xs), xs.length);
}
/** Exactly two inputs: a - b. */
export class Subtract extends Merge {
  static override className = 'Subtract';
  constructor(args?: MergeArgs) { super(args, 'subtract'); }
  protected combine = (xs: Tensor[]): Tensor => sub(xs[0]!, xs[1]!);
  protected override inputsOf(inputs: Tensor | Tensor[]): Tensor[] {
    if (!Array.isArray(inputs) || inputs.length !== 2) throw new Error(`${this.desc} needs exactly 2 inputs.`);
    return inputs;
  }
  override computeOutputShape(s: SymShape | SymShape[]): SymShape {
    if (!isShapeList(s) || s.length !== 2) throw new Error('needs exactly 2 inputs.');
    return super.computeOutputShape(s);
  }
}
[Add, Multiply, Maximum, Minimum, Average, Subtract].forEach(registerClass);

export const add_ = (args?: MergeArgs): Add => new Add(args);
export const multiply = (args?: MergeArgs): Multiply => new Multiply(args);
export const maximum_ = (args?: MergeArgs): Maximum => new Maximum(args);
export const minimum_ = (args?: MergeArgs): Minimum => new Minimum(args);
export const average = (args?: MergeArgs): Average => new Average(args);
export const subtract = (args?: MergeArgs): Subtract => new Subtract(args);
