import { z } from 'zod';
import { baseLayerSchema } from '../base/layer';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { RNN, rnnOptionsShape } from './rnn';
import { LSTMCell, lstmCellSchema } from './lstm-cell';
import { cellOptionsOf, splitLayerArgs } from './layer-from-cell';

const schema = baseLayerSchema.extend({ ...lstmCellSchema.shape, ...rnnOptionsShape }).strict();
export type LSTMArgs = z.input<typeof schema>;

/** Long short-term memory layer (gates i, f, c, o; states [h, c]); see LSTMCell. */
export class LSTM extends RNN {
  static override className = 'LSTM';
  declare readonly cell: LSTMCell;

  constructor(args: LSTMArgs) {
    const c = validateConfig(`lstm${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    const { loop, cell } = splitLayerArgs(c, 'LSTM', 'lstm_cell');
    super(loop, new LSTMCell(cell as never));
  }

  override getConfig(): Record<string, unknown> {
    return { ...this.loopConfig(), ...cellOptionsOf(this.cell.getConfig()) };
  }
}
registerClass(LSTM);

export const lstm = (args: LSTMArgs): LSTM => new LSTM(args);
