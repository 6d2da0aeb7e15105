import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { zeros } from '../../tensor/create';
import { tidy } from '../../engine/scope';
import { mul } from '../../ops/elementwise';
import { reshape, stack, unstack } from '../../ops/movement';
import { fmtShape, shapesEqual } from '../../util/shape';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs, type LayerArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { deserializeLayer, registerClass, serializeLayer } from '../base/serialization';
import { posInt } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { RNNCell } from './rnn-cell';
import { dropoutMask } from './dropout-mask';

/** Options of the RNN loop itself (shared by rnn, simpleRNN, lstm, gru). */
export const rnnOptionsShape = {
  returnSequences: z.boolean().optional(),
  returnState: z.boolean().optional(),
  goBackwards: z.boolean().optional(),
  stateful: z.boolean().refine((v) => !v, 'stateful RNNs are not supported yet (pass initialState in the call to carry states between batches)').optional(),
  /** Accepted and ignored, as in tfjs-layers: the loop is always plain TypeScript. */
  unroll: z.boolean().optional(),
  inputDim: posInt.optional(),
  inputLength: posInt.optional(),
};
export const rnnOptionKeys = ['name', 'trainable', 'inputShape', 'batchInputShape', 'batchSize', 'dtype', ...Object.keys(rnnOptionsShape)];

const cellSpec = z.union([
  z.instanceof(RNNCell),
  z.object({ className: z.string(), config: z.record(z.unknown()) }),
]);
const schema = baseLayerSchema.extend({ cell: cellSpec, ...rnnOptionsShape }).strict();
export type RNNArgs = z.input<typeof schema>;
export type RNNOptions = z.output<z.ZodObject<typeof rnnOptionsShape>> & LayerArgs;

/** tfjs: inputDim (and inputLength) stand in for inputShape [inputLength, inputDim]. */
function withInputShape(c: RNNOptions): LayerArgs {
  if (c.inputDim === undefined || c.inputShape || c.batchInputShape) return c;
  return { ...c, inputShape: [c.inputLength ?? null, c.inputDim] };
}

/**
 * Runs a cell over the time axis of [batch, time, features]: x·W + b for every step in one
 * matMul, then one `cell.step` per step. The tape sees ordinary ops, so backprop through
 * time needs nothing special. Output [batch, units] (last step) or [batch, time, units];
 * with returnState, [output, ...finalStates]. `initialState` (a list of [batch, size]
 * tensors) may be passed in the call options.
 */
export class RNN extends Layer {
  static override className = 'RNN';
  readonly cell: RNNCell;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly unroll: boolean;
  readonly inputDim: number | undefined;
  readonly inputLength: number | undefined;

  /** Subclasses pass options they validated themselves and the cell they made. */
  constructor(args: RNNArgs | RNNOptions, cell?: RNNCell) {
    const c: RNNOptions & { cell?: z.output<typeof cellSpec> } = cell ? (args as RNNOptions) : validateConfig(`rnn${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    super(withInputShape(c));
    const given = cell ?? c.cell!;
    if (given instanceof RNNCell) this.cell = given;
    else {
      const made = deserializeLayer(given);
      if (!(made instanceof RNNCell)) throw new Error(`${this.desc}: 'cell' must be an RNN cell (simpleRNNCell, lstmCell, gruCell), got ${made.getClassName()}.`);
      this.cell = made;
    }
    this.returnSequences = c.returnSequences ?? false;
    this.returnState = c.returnState ?? false;
    this.goBackwards = c.goBackwards ?? false;
    this.unroll = c.unroll ?? false;
    this.inputDim = c.inputDim;
    this.inputLength = c.inputLength;
    this.inputSpec = [{ ndim: 3 }];
  }

  protected override sublayers(): Layer[] {
    return [this.cell];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    const features = s[2];
    if (features === null || features === undefined) throw new Error(`the feature axis (last) of the input must be known, got ${fmtShape(s)}.`);
    if (!this.cell.built) {
      tidy(() => this.cell.build([s[0] ?? null, features]));
      this.cell.built = true;
    }
    this.inputSpec = [{ ndim: 3, axes: { [-1]: features } }];
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    const x = single(inputs, this.desc).cast('float32');
    const [batch, time, features] = x.shape as [number, number, number];
    if (time === 0) throw new Error(`${this.desc} needs at least one time step, got input shape ${fmtShape(x.shape)}.`);
    const cell = this.cell;
    const training = kwargs.training === true;
    const states0 = this.initialStates(kwargs['initialState'], batch);

    const xIn = training && cell.opts.dropout > 0 ? mul(x, dropoutMask([batch, 1, features], cell.opts.dropout)) : x;
    const projected = cell.projectInputs(reshape(xIn, [batch * time, features]));
    const steps = unstack(reshape(projected, [batch, time, projected.shape[1]!]), 1);
    if (this.goBackwards) steps.reverse();
    const recMask = training && cell.opts.recurrentDropout > 0 ? dropoutMask([batch, cell.units], cell.opts.recurrentDropout) : null;

    let states = states0;
    const outputs: Tensor[] = [];
    for (const xt of steps) {
      // per-step scope: inference frees the gate intermediates as it goes
      states = tidy(() => cell.step(xt, states, recMask));
      if (this.returnSequences) outputs.push(states[0]!);
    }
    const output = this.returnSequences ? stack(outputs, 1) : states[0]!;
    return this.returnState ? [output, ...states] : output;
  }

  private initialStates(given: unknown, batch: number): Tensor[] {
    const sizes = this.cell.stateSize;
    if (given === undefined || given === null) return sizes.map((s) => zeros([batch, s]));
    const list = (Array.isArray(given) ? given : [given]) as Tensor[];
    if (list.length !== sizes.length || list.some((t, i) => !shapesEqual(t.shape, [batch, sizes[i]!]))) {
      throw new Error(
        `${this.desc}: initialState must be ${sizes.length} tensor(s) of shape ${sizes.map((s) => fmtShape([batch, s])).join(', ')}, ` +
          `got ${list.map((t) => fmtShape(t.shape)).join(', ')}.`,
      );
    }
    return list;
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const [batch, time] = oneShape(inputShape, this.desc);
    const units = this.cell.stateSize[0]!;
    const out: SymShape = this.returnSequences ? [batch ?? null, time ?? null, units] : [batch ?? null, units];
    if (!this.returnState) return out;
    return [out, ...this.cell.stateSize.map((s) => [batch ?? null, s])];
  }

  /** The loop options; subclasses add their cell's options, the generic RNN the cell itself. */
  protected loopConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = {
      ...super.getConfig(), returnSequences: this.returnSequences, returnState: this.returnState,
      goBackwards: this.goBackwards, stateful: false, unroll: this.unroll,
    };
    if (this.inputDim !== undefined) c['inputDim'] = this.inputDim;
    if (this.inputLength !== undefined) c['inputLength'] = this.inputLength;
    return c;
  }

  override getConfig(): Record<string, unknown> {
    return { ...this.loopConfig(), cell: serializeLayer(this.cell) };
  }
}
registerClass(RNN);

export const rnn = (args: RNNArgs): RNN => new RNN(args);
