import type { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { RecurrentBase, recurrentSchema } from './recurrent-base';

const schema = recurrentSchema.strict();
export type SimpleRNNArgs = z.input<typeof schema>;

/** h_t = activation(x_t W + b + h_{t-1} U). */
export class SimpleRNN extends RecurrentBase {
  static override className = 'SimpleRNN';
  protected readonly gates = 1;
  protected readonly stateCount = 1;
  constructor(args: SimpleRNNArgs) {
    super(validateConfig('simpleRNN', schema, args));
  }
  protected step(xw: Tensor, [h]: Tensor[]): Tensor[] {
    return [this.activation.apply(add(xw, matMul(h!, this.recurrentKernel)))];
  }
}
registerClass(SimpleRNN);

export const simpleRNN = (args: SimpleRNNArgs): SimpleRNN => new SimpleRNN(args);
