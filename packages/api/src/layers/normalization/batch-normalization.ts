import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { tidy } from '../../engine/scope';
import { add, mul, rsqrt, sub } from '../../ops/elementwise';
import { moments } from '../../ops/reduce';
import { reshape } from '../../ops/movement';
import { stopGradient } from '../../autodiff/stop-gradient';
import { normalizeAxis } from '../../util/shape';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { constraintOpt, initializerOpt, regularizerOpt, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  axis: z.number().int().optional(),
  momentum: z.number().min(0).max(1).optional(),
  epsilon: z.number().positive().optional(),
  center: z.boolean().optional(),
  scale: z.boolean().optional(),
  betaInitializer: initializerOpt,
  gammaInitializer: initializerOpt,
  movingMeanInitializer: initializerOpt,
  movingVarianceInitializer: initializerOpt,
  betaRegularizer: regularizerOpt,
  gammaRegularizer: regularizerOpt,
  betaConstraint: constraintOpt,
  gammaConstraint: constraintOpt,
}).strict();
export type BatchNormalizationArgs = z.input<typeof schema>;

/**
 * Normalizes each feature (along `axis`) by the batch's mean and variance in training,
 * updating moving averages (m = m * momentum + batch * (1 - momentum)); uses the moving ones
 * in inference. A frozen (trainable = false) layer always runs in inference mode, as in Keras.
 */
export class BatchNormalization extends Layer {
  static override className = 'BatchNormalization';
  readonly axis: number; readonly momentum: number; readonly epsilon: number;
  readonly center: boolean; readonly scale: boolean;
  readonly betaInitializer; readonly gammaInitializer; readonly movingMeanInitializer; readonly movingVarianceInitializer;
  readonly betaRegularizer; readonly gammaRegularizer; readonly betaConstraint; readonly gammaConstraint;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean!: Variable;
  movingVariance!: Variable;

  constructor(args: BatchNormalizationArgs = {}) {
    const c = validateConfig('batchNormalization', schema, args);
    super(c);
    const w = this.desc;
    this.axis = c.axis ?? -1;
    this.momentum = c.momentum ?? 0.99;
    this.epsilon = c.epsilon ?? 1e-3;
    this.center = c.center ?? true;
    this.scale = c.scale ?? true;
    this.betaInitializer = resolveInit(c.betaInitializer, 'zeros', w);
    this.gammaInitializer = resolveInit(c.gammaInitializer, 'ones', w);
    this.movingMeanInitializer = resolveInit(c.movingMeanInitializer, 'zeros', w);
    this.movingVarianceInitializer = resolveInit(c.movingVarianceInitializer, 'ones', w);
    this.betaRegularizer = resolveReg(c.betaRegularizer, w);
    this.gammaRegularizer = resolveReg(c.gammaRegularizer, w);
    this.betaConstraint = resolveConstraint(c.betaConstraint, w);
    this.gammaConstraint = resolveConstraint(c.gammaConstraint, w);
    this.inputSpec = [{ minNdim: 2 }];
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = oneShape(inputShape, this.desc);
    const ax = normalizeAxis(this.axis, s.length, this.desc);
    const dim = s[ax];
    if (dim === null || dim === undefined) throw new Error(`axis ${this.axis} of the input must have a known size, got [${s.map(String)}].`);
    // creation order is tfjs's: gamma, beta, movingMean, movingVariance
    if (this.scale) this.gamma = this.addWeight('gamma', [dim], 'float32', this.gammaInitializer, this.gammaRegularizer, true, this.gammaConstraint);
    if (this.center) this.beta = this.addWeight('beta', [dim], 'float32', this.betaInitializer, this.betaRegularizer, true, this.betaConstraint);
    this.movingMean = this.addWeight('moving_mean', [dim], 'float32', this.movingMeanInitializer, null, false);
    this.movingVariance = this.addWeight('moving_variance', [dim], 'float32', this.movingVarianceInitializer, null, false);
    this.inputSpec = [{ ndim: s.length, axes: { [ax]: dim } }];
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc).cast('float32');
    const ax = normalizeAxis(this.axis, x.rank, this.desc);
    const reduceAxes = x.shape.map((_, i) => i).filter((i) => i !== ax);
    const bshape = x.shape.map((d, i) => (i === ax ? d : 1));
    const b = (t: Tensor): Tensor => reshape(t, bshape);
    let m: Tensor;
    let v: Tensor;
    if (kwargs.training && this.trainable) {
      ({ mean: m, variance: v } = moments(x, reduceAxes));
      this.updateMoving(this.movingMean, m);
      this.updateMoving(this.movingVariance, v);
    } else {
      m = this.movingMean;
      v = this.movingVariance;
    }
    let y = mul(sub(x, b(m)), b(rsqrt(add(v, this.epsilon))));
    if (this.gamma) y = mul(y, b(this.gamma));
    if (this.beta) y = add(y, b(this.beta));
    return y;
  }

  private updateMoving(variable: Variable, batchValue: Tensor): void {
    const next = tidy(() => add(mul(variable, this.momentum), mul(stopGradient(batchValue), 1 - this.momentum)));
    variable.assign(next);
    next.dispose();
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), axis: this.axis, momentum: this.momentum, epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: ser.init(this.betaInitializer), gammaInitializer: ser.init(this.gammaInitializer),
      movingMeanInitializer: ser.init(this.movingMeanInitializer), movingVarianceInitializer: ser.init(this.movingVarianceInitializer),
      betaRegularizer: ser.reg(this.betaRegularizer), gammaRegularizer: ser.reg(this.gammaRegularizer),
      betaConstraint: ser.constraint(this.betaConstraint), gammaConstraint: ser.constraint(this.gammaConstraint),
    };
  }
}
registerClass(BatchNormalization);

export const batchNormalization = (args?: BatchNormalizationArgs): BatchNormalization => new BatchNormalization(args);
