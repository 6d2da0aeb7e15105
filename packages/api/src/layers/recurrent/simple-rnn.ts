import { z } from 'zod';
import { baseLayerSchema } from '../base/layer';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { cellOptionsShape } from './cell-options';
import { RNN, rnnOptionsShape } from './rnn';
import { SimpleRNNCell } from './simple-rnn-cell';
import { cellOptionsOf, splitLayerArgs } from './layer-from-cell';

const schema = baseLayerSchema.extend({ ...cellOptionsShape, ...rnnOptionsShape }).strict();
export type SimpleRNNArgs = z.input<typeof schema>;

/** Fully connected recurrent layer: h_t = tanh(x_t·W + b + h_{t-1}·U). */
export class SimpleRNN extends RNN {
  static override className = 'SimpleRNN';
  declare readonly cell: SimpleRNNCell;

  constructor(args: SimpleRNNArgs) {
    const c = validateConfig(`simpleRNN${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    const { loop, cell } = splitLayerArgs(c, 'SimpleRNN', 'simple_rnn_cell');
    super(loop, new SimpleRNNCell(cell as never));
  }

  override getConfig(): Record<string, unknown> {
    return { ...this.loopConfig(), ...cellOptionsOf(this.cell.getConfig()) };
  }
}
registerClass(SimpleRNN);

export const simpleRNN = (args: SimpleRNNArgs): SimpleRNN => new SimpleRNN(args);
