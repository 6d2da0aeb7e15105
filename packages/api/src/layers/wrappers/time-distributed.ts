import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import { reshape } from '../../ops/movement';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass, serializeLayer } from '../base/serialization';
import { validateConfig } from '../validate-config';
import { toLayer, wrappedLayerOpt } from './wrapper-schema';

const schema = baseLayerSchema.extend({ layer: wrappedLayerOpt }).strict();
export type TimeDistributedArgs = z.input<typeof schema>;

/** Applies one layer (one set of weights) to every time step: [b, t, ...] -> [b, t, ...out]. */
export class TimeDistributed extends Layer {
  static override className = 'TimeDistributed';
  readonly layer: Layer;
  constructor(args: TimeDistributedArgs) {
    const c = validateConfig('timeDistributed', schema, args);
    super(c);
    this.layer = toLayer(c.layer);
    this.inputSpec = [{ minNdim: 3 }];
  }
  protected override sublayers(): Layer[] {
    return [this.layer];
  }
  private innerShape(s: SymShape): SymShape {
    return [s[0] !== null && s[1] !== null ? s[0]! * s[1]! : null, ...s.slice(2)];
  }
  override build(inputShape: SymShape | SymShape[]): void {
    this.layer.ensureBuilt([this.innerShape(oneShape(inputShape, this.desc))], false);
  }
  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const [b, t] = x.shape as [number, number];
    const y = this.layer.apply(reshape(x, [b * t, ...x.shape.slice(2)]), kwargs);
    if (Array.isArray(y)) throw new Error(`${this.desc}: the wrapped layer must have one output.`);
    return reshape(y, [b, t, ...y.shape.slice(1)]);
  }
  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = oneShape(inputShape, this.desc);
    const inner = this.layer.computeOutputShape(this.innerShape(s));
    if (isShapeList(inner)) throw new Error(`the wrapped layer must have one output, got ${inner.map(fmtShape).join(', ')}.`);
    return [s[0]!, s[1]!, ...inner.slice(1)];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.layer) };
  }
}
registerClass(TimeDistributed);

export const timeDistributed = (args: TimeDistributedArgs): TimeDistributed => new TimeDistributed(args);
