import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { tidy } from '../../engine/scope';
import { add, mul } from '../../ops/elementwise';
import { concat, reverse } from '../../ops/movement';
import { Layer, baseLayerSchema, isShapeList, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { deserializeLayer, registerClass, serializeLayer } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { RNN } from '../recurrent/rnn';

const mergeModes = ['concat', 'sum', 'mul', 'ave'] as const;
type MergeMode = (typeof mergeModes)[number] | null;

const schema = baseLayerSchema.extend({
  layer: z.union([z.instanceof(RNN), z.object({ className: z.string(), config: z.record(z.unknown()) })]),
  /** How the two directions combine; null returns both outputs as a list. */
  mergeMode: z.enum(mergeModes).nullable().optional(),
}).strict();
export type BidirectionalArgs = z.input<typeof schema>;

/**
 * Runs a recurrent layer forwards and a copy of it (own weights, goBackwards flipped)
 * backwards, and merges the two. The backward sequence is put back in time order first.
 * With returnState the outputs are [merged, ...forwardStates, ...backwardStates].
 */
export class Bidirectional extends Layer {
  static override className = 'Bidirectional';
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: MergeMode;

  constructor(args: BidirectionalArgs) {
    const c = validateConfig(`bidirectional${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    const forward = c.layer instanceof RNN ? c.layer : deserializeLayer(c.layer);
    if (!(forward instanceof RNN)) {
      throw new Error(`bidirectional: 'layer' must be a recurrent layer (simpleRNN, lstm, gru, rnn), got ${forward.getClassName()}.`);
    }
    // an input shape given to the wrapped layer also describes the wrapper's input
    const { layer: _l, mergeMode: _m, ...base } = c;
    super(base.inputShape || base.batchInputShape || !forward.batchInputShape ? base : { ...base, batchInputShape: forward.batchInputShape });
    this.forwardLayer = forward;
    this.backwardLayer = deserializeLayer({
      className: forward.getClassName(),
      config: { ...forward.getConfig(), name: `backward_${forward.name}`, goBackwards: !forward.goBackwards },
    }) as RNN;
    this.mergeMode = c.mergeMode === undefined ? 'concat' : c.mergeMode;
    this.inputSpec = [{ ndim: 3 }];
  }

  protected override sublayers(): Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    for (const l of [this.forwardLayer, this.backwardLayer]) {
      if (l.built) continue;
      tidy(() => l.build(s));
      l.built = true;
    }
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    const x = single(inputs, this.desc);
    const opts = { training: kwargs.training };
    const split = (y: Tensor | Tensor[]): [Tensor, Tensor[]] => (Array.isArray(y) ? [y[0]!, y.slice(1)] : [y, []]);
    const [fOut, fStates] = split(this.forwardLayer.apply(x, opts));
    const [bRaw, bStates] = split(this.backwardLayer.apply(x, opts));
    const bOut = this.forwardLayer.returnSequences ? reverse(bRaw, 1) : bRaw;
    const states = [...fStates, ...bStates];
    if (this.mergeMode === null) return [fOut, bOut, ...states];
    const merged = this.merge(fOut, bOut);
    return states.length ? [merged, ...states] : merged;
  }

  private merge(f: Tensor, b: Tensor): Tensor {
    switch (this.mergeMode) {
      case 'sum': return add(f, b);
      case 'mul': return mul(f, b);
      case 'ave': return mul(add(f, b), 0.5);
      default: return concat([f, b], -1);
    }
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const inner = this.forwardLayer.computeOutputShape(oneShape(inputShape, this.desc));
    const [out, ...states] = isShapeList(inner) ? inner : [inner];
    const all = [...states, ...states];
    if (this.mergeMode === null) return [out!, out!, ...all];
    const merged = this.mergeMode === 'concat' ? [...out!.slice(0, -1), out![out!.length - 1]! * 2] : out!;
    return all.length ? [merged, ...all] : merged;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.forwardLayer), mergeMode: this.mergeMode };
  }
}
registerClass(Bidirectional);

export const bidirectional = (args: BidirectionalArgs): Bidirectional => new Bidirectional(args);
