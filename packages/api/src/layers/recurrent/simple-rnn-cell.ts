import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, mul } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { baseLayerSchema } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { cellOptionsShape, resolveCellOptions, serializeCellOptions } from './cell-options';
import { RNNCell } from './rnn-cell';

export const simpleRNNCellSchema = baseLayerSchema.extend(cellOptionsShape).strict();
export type SimpleRNNCellArgs = z.input<typeof simpleRNNCellSchema>;

/** h_t = activation(x_t·W + b + h_{t-1}·U). */
export class SimpleRNNCell extends RNNCell {
  static override className = 'SimpleRNNCell';
  readonly stateSize: number[];

  constructor(args: SimpleRNNCellArgs) {
    const c = validateConfig(`simpleRNNCell${args?.name ? ` '${args.name}'` : ''}`, simpleRNNCellSchema, args);
    super(c, resolveCellOptions(c, `simpleRNNCell${c.name ? ` '${c.name}'` : ''}`));
    this.stateSize = [c.units];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    this.addCellWeights(this.stepInputShape(inputShape)[1]!, 1, [this.units]);
  }

  projectInputs(x: Tensor): Tensor {
    const y = matMul(x, this.kernel);
    return this.bias ? add(y, this.bias) : y;
  }

  step(xProj: Tensor, [h]: Tensor[], recurrentMask: Tensor | null): Tensor[] {
    const hIn = recurrentMask ? mul(h!, recurrentMask) : h!;
    return [this.opts.activation.apply(add(xProj, matMul(hIn, this.recurrentKernel)))];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...serializeCellOptions(this.opts) };
  }
}
registerClass(SimpleRNNCell);

export const simpleRNNCell = (args: SimpleRNNCellArgs): SimpleRNNCell => new SimpleRNNCell(args);
