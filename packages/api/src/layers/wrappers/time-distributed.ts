import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { tidy } from '../../engine/scope';
import { reshape } from '../../ops/movement';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { deserializeLayer, registerClass, serializeLayer } from '../base/serialization';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  layer: z.union([z.instanceof(Layer), z.object({ className: z.string(), config: z.record(z.unknown()) })]),
}).strict();
export type TimeDistributedArgs = z.input<typeof schema>;

/**
 * Applies one layer (one set of weights) to every time step of [batch, time, ...]: the batch
 * and time axes are folded into one, the layer runs once, and the result is unfolded.
 */
export class TimeDistributed extends Layer {
  static override className = 'TimeDistributed';
  readonly layer: Layer;

  constructor(args: TimeDistributedArgs) {
    const c = validateConfig(`timeDistributed${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    const { layer: _l, ...base } = c;
    super(base);
    this.layer = c.layer instanceof Layer ? c.layer : deserializeLayer(c.layer);
    this.inputSpec = [{ minNdim: 3 }];
  }

  protected override sublayers(): Layer[] {
    return [this.layer];
  }

  /** The shape one step has: [batch*time, ...rest]. */
  private stepShape(s: SymShape): SymShape {
    return [s[0] !== null && s[1] !== null ? s[0]! * s[1]! : null, ...s.slice(2)];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    if (!this.layer.built) {
      tidy(() => this.layer.build(this.stepShape(s)));
      this.layer.built = true;
    }
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const [batch, time] = x.shape as [number, number];
    const y = this.layer.apply(reshape(x, [batch * time, ...x.shape.slice(2)]), kwargs);
    if (Array.isArray(y)) throw new Error(`${this.desc}: the wrapped layer must return one tensor, got ${y.length}.`);
    return reshape(y, [batch, time, ...y.shape.slice(1)]);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const inner = this.layer.computeOutputShape(this.stepShape(s));
    if (isShapeList(inner)) throw new Error(`the wrapped layer must return one tensor, but gives shapes ${inner.map(fmtShape).join(', ')}.`);
    return [s[0] ?? null, s[1] ?? null, ...inner.slice(1)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.layer) };
  }
}
registerClass(TimeDistributed);

export const timeDistributed = (args: TimeDistributedArgs): TimeDistributed => new TimeDistributed(args);
