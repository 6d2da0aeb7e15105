import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { add, div, mul } from '../../ops/elementwise';
import { concat, reverse } from '../../ops/movement';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { deserializeLayer, registerClass, serializeLayer } from '../base/serialization';
import { RecurrentBase } from '../recurrent/recurrent-base';
import { validateConfig } from '../validate-config';
import { toLayer, wrappedLayerOpt } from './wrapper-schema';

const schema = baseLayerSchema.extend({
  layer: wrappedLayerOpt,
  mergeMode: z.enum(['concat', 'sum', 'mul', 'ave']).nullable().optional(),
}).strict();
export type BidirectionalArgs = z.input<typeof schema>;

/**
 * Runs an RNN forwards and a copy backwards (goBackwards flipped, fresh weights) and merges
 * the two. Weights: forward's, then backward's.
 */
export class Bidirectional extends Layer {
  static override className = 'Bidirectional';
  readonly forwardLayer: RecurrentBase;
  readonly backwardLayer: RecurrentBase;
  readonly mergeMode: 'concat' | 'sum' | 'mul' | 'ave' | null;

  constructor(args: BidirectionalArgs) {
    const c = validateConfig('bidirectional', schema, args);
    super(c);
    const inner = toLayer(c.layer);
    if (!(inner instanceof RecurrentBase)) throw new Error(`${this.desc}: 'layer' must be a recurrent layer (simpleRNN, lstm, gru), got ${inner.getClassName()}.`);
    const cfg = inner.getConfig();
    const make = (prefix: string, goBackwards: boolean): RecurrentBase =>
      deserializeLayer({ className: inner.getClassName(), config: { ...cfg, name: `${prefix}_${inner.name}`, goBackwards } }) as RecurrentBase;
    this.forwardLayer = make('forward', inner.goBackwards);
    this.backwardLayer = make('backward', !inner.goBackwards);
    this.mergeMode = c.mergeMode === undefined ? 'concat' : c.mergeMode;
    this.inputSpec = [{ ndim: 3 }];
    if (!inner.built) inner.dispose();
  }

  protected override sublayers(): Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = isShapeList(inputShape) ? inputShape[0]! : inputShape;
    this.forwardLayer.ensureBuilt([s], false);
    this.backwardLayer.ensureBuilt([s], false);
  }

  private merge(a: Tensor, b: Tensor): Tensor | Tensor[] {
    switch (this.mergeMode) {
      case 'concat': return concat([a, b], -1);
      case 'sum': return add(a, b);
      case 'mul': return mul(a, b);
      case 'ave': return div(add(a, b), 2);
      default: return [a, b];
    }
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const f = this.forwardLayer.apply(x, kwargs);
    const b = this.backwardLayer.apply(x, kwargs);
    const [fy, ...fs] = Array.isArray(f) ? f : [f];
    const [by0, ...bs] = Array.isArray(b) ? b : [b];
    // the backward layer emits its sequence in reverse time; put it back in order
    const by = this.forwardLayer.returnSequences ? reverse(by0!, 1) : by0!;
    const merged = this.merge(fy!, by);
    const out = Array.isArray(merged) ? merged : [merged];
    return this.forwardLayer.returnState || out.length > 1 ? [...out, ...fs, ...bs] : out[0]!;
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const s = isShapeList(inputShape) ? inputShape[0]! : inputShape;
    const inner = this.forwardLayer.computeOutputShape(s);
    const [y, ...states] = isShapeList(inner) ? inner : [inner];
    const out: SymShape[] = this.mergeMode === 'concat'
      ? [[...y!.slice(0, -1), y![y!.length - 1] === null ? null : y![y!.length - 1]! * 2]]
      : this.mergeMode === null ? [y!, y!] : [y!];
    const all = [...out, ...states, ...states];
    return all.length === 1 ? all[0]! : all;
  }

  override getConfig(): Record<string, unknown> {
    const fwd = serializeLayer(this.forwardLayer);
    return { ...super.getConfig(), layer: { ...fwd, config: { ...fwd.config, name: this.forwardLayer.name.replace(/^forward_/, '') } }, mergeMode: this.mergeMode };
  }
}
registerClass(Bidirectional);

export const bidirectional = (args: BidirectionalArgs): Bidirectional => new Bidirectional(args);
