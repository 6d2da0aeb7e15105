import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, mul } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { reshape, transpose } from '../../ops/movement';
import { softmax } from '../../ops/activations';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { constraintOpt, initializerOpt, posInt, rate01, regularizerOpt, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { Dropout } from '../core/dropout';

const schema = baseLayerSchema.extend({
  numHeads: posInt,
  keyDim: posInt,
  valueDim: posInt.optional(),
  dropout: rate01.optional(),
  useBias: z.boolean().optional(),
  outputShape: posInt.optional(),
  kernelInitializer: initializerOpt,
  biasInitializer: initializerOpt,
  kernelRegularizer: regularizerOpt,
  biasRegularizer: regularizerOpt,
  kernelConstraint: constraintOpt,
  biasConstraint: constraintOpt,
}).strict();
export type MultiHeadAttentionArgs = z.input<typeof schema>;

/**
 * Scaled dot-product attention with `numHeads` heads. Call with [query, value] or
 * [query, value, key] (key defaults to value), each [batch, time, features]. Weights in Keras
 * order: query, key, value kernels [dim, heads, keyDim] (+ biases [heads, keyDim]), then the
 * output kernel [heads, valueDim, outDim] and bias [outDim].
 */
export class MultiHeadAttention extends Layer {
  static override className = 'MultiHeadAttention';
  readonly numHeads: number; readonly keyDim: number; readonly valueDim: number; readonly dropoutRate: number;
  readonly useBias: boolean; readonly outputDim: number | undefined;
  readonly kernelInitializer; readonly biasInitializer; readonly kernelRegularizer; readonly biasRegularizer;
  readonly kernelConstraint; readonly biasConstraint;
  private readonly attnDropout: Dropout | null;
  private w: Record<string, Variable | null> = {};

  constructor(args: MultiHeadAttentionArgs) {
    const c = validateConfig('multiHeadAttention', schema, args);
    super(c);
    const d = this.desc;
    this.numHeads = c.numHeads;
    this.keyDim = c.keyDim;
    this.valueDim = c.valueDim ?? c.keyDim;
    this.dropoutRate = c.dropout ?? 0;
    this.useBias = c.useBias ?? true;
    this.outputDim = c.outputShape;
    this.kernelInitializer = resolveInit(c.kernelInitializer, 'glorotUniform', d);
    this.biasInitializer = resolveInit(c.biasInitializer, 'zeros', d);
    this.kernelRegularizer = resolveReg(c.kernelRegularizer, d);
    this.biasRegularizer = resolveReg(c.biasRegularizer, d);
    this.kernelConstraint = resolveConstraint(c.kernelConstraint, d);
    this.biasConstraint = resolveConstraint(c.biasConstraint, d);
    this.attnDropout = this.dropoutRate > 0 ? new Dropout({ rate: this.dropoutRate, name: `${this.name}_dropout` }) : null;
  }

  private shapesOf(s: SymShape | SymShape[]): [SymShape, SymShape, SymShape] {
    if (!isShapeList(s) || s.length < 2 || s.length > 3) throw new Error(`call it with [query, value] or [query, value, key].`);
    for (const x of s) if (x.length !== 3) throw new Error(`inputs must be [batch, time, features], got ${s.map(fmtShape).join(', ')}.`);
    const [q, v, k] = s as [SymShape, SymShape, SymShape?];
    return [q, v, k ?? v];
  }

  private dense(name: string, kernelShape: number[], biasShape: number[]): void {
    this.w[`${name}/kernel`] = this.addWeight(`${name}/kernel`, kernelShape, 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    this.w[`${name}/bias`] = this.useBias ? this.addWeight(`${name}/bias`, biasShape, 'float32', this.biasInitializer, this.biasRegularizer, true, this.biasConstraint) : null;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const [q, v, k] = this.shapesOf(inputShape);
    const dims = [q[2], v[2], k[2]];
    if (dims.some((d) => d === null)) throw new Error(`the feature sizes must be known, got ${[q, v, k].map(fmtShape).join(', ')}.`);
    const [qd, vd, kd] = dims as number[];
    const H = this.numHeads;
    this.dense('query', [qd!, H, this.keyDim], [H, this.keyDim]);
    this.dense('key', [kd!, H, this.keyDim], [H, this.keyDim]);
    this.dense('value', [vd!, H, this.valueDim], [H, this.valueDim]);
    const out = this.outputDim ?? qd!;
    this.dense('attention_output', [H, this.valueDim, out], [out]);
  }

  /** x [b, t, d] · W [d, H, k] (+ bias) -> [b, H, t, k]. */
  private project(x: Tensor, name: string, size: number): Tensor {
    const [b, t, d] = x.shape as [number, number, number];
    let y = matMul(reshape(x, [b * t, d]), reshape(this.w[`${name}/kernel`]!, [d, this.numHeads * size]));
    const bias = this.w[`${name}/bias`];
    if (bias) y = add(y, reshape(bias, [-1]));
    return transpose(reshape(y, [b, t, this.numHeads, size]), [0, 2, 1, 3]);
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const list = (Array.isArray(inputs) ? inputs : [inputs]).map((x) => x.cast('float32'));
    this.shapesOf(list.map((x) => x.shape));
    const [query, value] = list as [Tensor, Tensor];
    const key = list[2] ?? value;
    const [b, tq] = query.shape as [number, number];
    const q = mul(this.project(query, 'query', this.keyDim), 1 / Math.sqrt(this.keyDim));
    const k = this.project(key, 'key', this.keyDim);
    const v = this.project(value, 'value', this.valueDim);
    let attn = softmax(matMul(q, k, false, true), -1); // [b, H, tq, tk]
    if (this.attnDropout) attn = this.attnDropout.apply(attn, kwargs) as Tensor;
    const ctx = reshape(transpose(matMul(attn, v), [0, 2, 1, 3]), [b * tq, this.numHeads * this.valueDim]);
    const wo = this.w['attention_output/kernel']!;
    let y = matMul(ctx, reshape(wo, [this.numHeads * this.valueDim, wo.shape[2]!]));
    const bo = this.w['attention_output/bias'];
    if (bo) y = add(y, bo);
    return reshape(y, [b, tq, wo.shape[2]!]);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    const [q, v, k] = this.shapesOf(inputShape);
    if (v[1] !== null && k[1] !== null && v[1] !== k[1]) throw new Error(`value ${fmtShape(v)} and key ${fmtShape(k)} need the same length.`);
    return [q[0]!, q[1]!, this.outputDim ?? q[2]!];
  }

  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = {
      ...super.getConfig(), numHeads: this.numHeads, keyDim: this.keyDim, valueDim: this.valueDim, dropout: this.dropoutRate,
      useBias: this.useBias, kernelInitializer: ser.init(this.kernelInitializer), biasInitializer: ser.init(this.biasInitializer),
      kernelRegularizer: ser.reg(this.kernelRegularizer), biasRegularizer: ser.reg(this.biasRegularizer),
      kernelConstraint: ser.constraint(this.kernelConstraint), biasConstraint: ser.constraint(this.biasConstraint),
    };
    if (this.outputDim !== undefined) c['outputShape'] = this.outputDim;
    return c;
  }
}
registerClass(MultiHeadAttention);

export const multiHeadAttention = (args: MultiHeadAttentionArgs): MultiHeadAttention => new MultiHeadAttention(args);
