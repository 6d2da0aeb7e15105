import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, mul, rsqrt, sub } from '../../ops/elementwise';
import { moments } from '../../ops/reduce';
import { reshape } from '../../ops/movement';
import { normalizeAxes } from '../../util/shape';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { constraintOpt, initializerOpt, regularizerOpt, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  axis: z.union([z.number().int(), z.array(z.number().int())]).optional(),
  epsilon: z.number().positive().optional(),
  center: z.boolean().optional(),
  scale: z.boolean().optional(),
  betaInitializer: initializerOpt,
  gammaInitializer: initializerOpt,
  betaRegularizer: regularizerOpt,
  gammaRegularizer: regularizerOpt,
  betaConstraint: constraintOpt,
  gammaConstraint: constraintOpt,
}).strict();
export type LayerNormalizationArgs = z.input<typeof schema>;

/** Normalizes each example over `axis` (default the last), then scales by gamma and shifts by beta. */
export class LayerNormalization extends Layer {
  static override className = 'LayerNormalization';
  readonly axis: number | number[]; readonly epsilon: number; readonly center: boolean; readonly scale: boolean;
  readonly betaInitializer; readonly gammaInitializer; readonly betaRegularizer; readonly gammaRegularizer;
  readonly betaConstraint; readonly gammaConstraint;
  gamma: Variable | null = null;
  beta: Variable | null = null;

  constructor(args: LayerNormalizationArgs = {}) {
    const c = validateConfig('layerNormalization', schema, args);
    super(c);
    const w = this.desc;
    this.axis = c.axis ?? -1;
    this.epsilon = c.epsilon ?? 1e-3;
    this.center = c.center ?? true;
    this.scale = c.scale ?? true;
    this.betaInitializer = resolveInit(c.betaInitializer, 'zeros', w);
    this.gammaInitializer = resolveInit(c.gammaInitializer, 'ones', w);
    this.betaRegularizer = resolveReg(c.betaRegularizer, w);
    this.gammaRegularizer = resolveReg(c.gammaRegularizer, w);
    this.betaConstraint = resolveConstraint(c.betaConstraint, w);
    this.gammaConstraint = resolveConstraint(c.gammaConstraint, w);
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    const axes = normalizeAxes(this.axis, s.length, this.desc);
    const shape = axes.map((a) => {
      const d = s[a];
      if (d === null || d === undefined) throw new Error(`normalized axis ${a} must have a known size, got [${s.map(String)}].`);
      return d;
    });
    if (this.scale) this.gamma = this.addWeight('gamma', shape, 'float32', this.gammaInitializer, this.gammaRegularizer, true, this.gammaConstraint);
    if (this.center) this.beta = this.addWeight('beta', shape, 'float32', this.betaInitializer, this.betaRegularizer, true, this.betaConstraint);
    this.inputSpec = [{ ndim: s.length, axes: Object.fromEntries(axes.map((a, i) => [a, shape[i]!])) }];
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    const axes = normalizeAxes(this.axis, x.rank, this.desc);
    const bshape = x.shape.map((d, i) => (axes.includes(i) ? d : 1));
    const { mean, variance } = moments(x, axes, true);
    let y = mul(sub(x, mean), rsqrt(add(variance, this.epsilon)));
    if (this.gamma) y = mul(y, reshape(this.gamma, bshape));
    if (this.beta) y = add(y, reshape(this.beta, bshape));
    return y;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), axis: this.axis, epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: ser.init(this.betaInitializer), gammaInitializer: ser.init(this.gammaInitializer),
      betaRegularizer: ser.reg(this.betaRegularizer), gammaRegularizer: ser.reg(this.gammaRegularizer),
      betaConstraint: ser.constraint(this.betaConstraint), gammaConstraint: ser.constraint(this.gammaConstraint),
    };
  }
}
registerClass(LayerNormalization);

export const layerNormalization = (args?: LayerNormalizationArgs): LayerNormalization => new LayerNormalization(args);
