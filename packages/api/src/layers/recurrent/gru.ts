import { z } from 'zod';
import { baseLayerSchema } from '../base/layer';
import { registerClass } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { RNN, rnnOptionsShape } from './rnn';
import { GRUCell, gruCellSchema } from './gru-cell';
import { cellOptionsOf, splitLayerArgs } from './layer-from-cell';

const schema = baseLayerSchema.extend({ ...gruCellSchema.shape, ...rnnOptionsShape }).strict();
export type GRUArgs = z.input<typeof schema>;

/** Gated recurrent unit layer (gates z, r, h; resetAfter false as tfjs-layers); see GRUCell. */
export class GRU extends RNN {
  static override className = 'GRU';
  declare readonly cell: GRUCell;

  constructor(args: GRUArgs) {
    const c = validateConfig(`gru${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    const { loop, cell } = splitLayerArgs(c, 'GRU', 'gru_cell');
    super(loop, new GRUCell(cell as never));
  }

  override getConfig(): Record<string, unknown> {
    return { ...this.loopConfig(), ...cellOptionsOf(this.cell.getConfig()) };
  }
}
registerClass(GRU);

export const gru = (args: GRUArgs): GRU => new GRU(args);
