import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { add, mul, sub } from '../../ops/elementwise';
import { cast } from '../../ops/convert';
import { matMul } from '../../ops/linalg';
import { expandDims, reshape, transpose } from '../../ops/movement';
import { softmax } from '../../ops/activations';
import { fmtShape, shapesEqual } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape, SymbolicTensor } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { kernelBiasOptions, posInt, rate01, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';
import { dropoutMask } from '../recurrent/dropout-mask';

const schema = baseLayerSchema.extend({
  numHeads: posInt,
  keyDim: posInt,
  valueDim: posInt.optional(),
  dropout: rate01.optional(),
  ...kernelBiasOptions,
  outputShape: posInt.optional(),
  /** Only the default (attend over the time axis of [batch, time, features]) is supported. */
  attentionAxes: z.union([z.literal(1), z.literal(-2), z.tuple([z.union([z.literal(1), z.literal(-2)])])]).nullable().optional(),
}).strict();
export type MultiHeadAttentionArgs = z.input<typeof schema>;

/** Keras 3 masks with a large negative logit, not -inf, so fully masked rows stay finite. */
const MASKED_LOGIT = -1e9;

/**
 * Multi-head scaled dot-product attention (Keras 3 weight layout and order):
 *   query/key/value kernels [dim, numHeads, keyDim|valueDim], biases [numHeads, keyDim|valueDim],
 *   attention_output kernel [numHeads, valueDim, outDim], bias [outDim].
 * Call with [query, value] or [query, value, key] (key defaults to value). Call options:
 * `attentionMask` [batch, Tq, Tk] (1 = attend), `returnAttentionScores` (then the outputs are
 * [output, scores [batch, numHeads, Tq, Tk]]), `training` (dropout on the scores).
 */
export class MultiHeadAttention extends Layer {
  static override className = 'MultiHeadAttention';
  readonly numHeads: number; readonly keyDim: number; readonly valueDim: number; readonly dropout: number;
  readonly useBias: boolean; readonly outputShape: number | undefined;
  readonly kernelInitializer; readonly biasInitializer; readonly kernelRegularizer; readonly biasRegularizer;
  readonly kernelConstraint; readonly biasConstraint;
  private readonly kernels = new Map<string, Variable>();
  private readonly biases = new Map<string, Variable>();
  /** Set while a symbolic call with returnAttentionScores computes its output shapes. */
  private symbolicScores = false;

  constructor(args: MultiHeadAttentionArgs) {
    const c = validateConfig(`multiHeadAttention${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    super(c);
    const d = this.desc;
    this.numHeads = c.numHeads;
    this.keyDim = c.keyDim;
    this.valueDim = c.valueDim ?? c.keyDim;
    this.dropout = c.dropout ?? 0;
    this.useBias = c.useBias ?? true;
    this.outputShape = c.outputShape;
    this.kernelInitializer = resolveInit(c.kernelInitializer, 'glorotUniform', d);
    this.biasInitializer = resolveInit(c.biasInitializer, 'zeros', d);
    this.kernelRegularizer = resolveReg(c.kernelRegularizer, d);
    this.biasRegularizer = resolveReg(c.biasRegularizer, d);
    this.kernelConstraint = resolveConstraint(c.kernelConstraint, d);
    this.biasConstraint = resolveConstraint(c.biasConstraint, d);
  }

  /** [query, value, key] shapes, checked: rank 3 each, key and value of one length. */
  private shapesOf(s: SymShape | SymShape[]): [SymShape, SymShape, SymShape] {
    if (!isShapeList(s) || s.length < 2 || s.length > 3) throw new Error(`call it with a list [query, value] or [query, value, key].`);
    if (s.some((x) => x.length !== 3)) throw new Error(`query, value and key must be [batch, time, features], got ${s.map(fmtShape).join(', ')}.`);
    const [q, v, k = v] = s as [SymShape, SymShape, SymShape?];
    if (v[1] !== null && k[1] !== null && v[1] !== k[1]) throw new Error(`value ${fmtShape(v)} and key ${fmtShape(k)} need the same length.`);
    return [q, v, k];
  }

  private addDense(name: string, kernelShape: number[], biasShape: number[]): void {
    this.kernels.set(name, this.addWeight(`${name}/kernel`, kernelShape, 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint));
    if (this.useBias) this.biases.set(name, this.addWeight(`${name}/bias`, biasShape, 'float32', this.biasInitializer, this.biasRegularizer, true, this.biasConstraint));
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const shapes = this.shapesOf(inputShape);
    if (shapes.some((s) => s[2] === null)) throw new Error(`the feature sizes must be known, got ${shapes.map(fmtShape).join(', ')}.`);
    const [qd, vd, kd] = shapes.map((s) => s[2]!) as [number, number, number];
    const H = this.numHeads;
    this.addDense('query', [qd, H, this.keyDim], [H, this.keyDim]);
    this.addDense('key', [kd, H, this.keyDim], [H, this.keyDim]);
    this.addDense('value', [vd, H, this.valueDim], [H, this.valueDim]);
    const out = this.outputShape ?? qd;
    this.addDense('attention_output', [H, this.valueDim, out], [out]);
  }

  /** x [b, t, d] · kernel [d, H, size] (+ bias [H, size]) -> heads first: [b, H, t, size]. */
  private toHeads(x: Tensor, name: string, size: number): Tensor {
    const [b, t, d] = x.shape as [number, number, number];
    let y = matMul(reshape(x, [b * t, d]), reshape(this.kernels.get(name)!, [d, this.numHeads * size]));
    const bias = this.biases.get(name);
    if (bias) y = add(y, reshape(bias, [-1]));
    return transpose(reshape(y, [b, t, this.numHeads, size]), [0, 2, 1, 3]);
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    const list = (Array.isArray(inputs) ? inputs : [inputs]).map((x) => x.cast('float32'));
    this.shapesOf(list.map((x) => x.shape));
    const [query, value, key = value] = list as [Tensor, Tensor, Tensor?];
    const [b, tq] = query.shape as [number, number];
    const tk = value.shape[1]!;
    // Keras 3 scales the query before the dot product
    const q = mul(this.toHeads(query, 'query', this.keyDim), 1 / Math.sqrt(this.keyDim));
    const k = this.toHeads(key!, 'key', this.keyDim);
    const v = this.toHeads(value, 'value', this.valueDim);
    let logits = matMul(q, k, false, true); // [b, H, tq, tk]
    const mask = kwargs['attentionMask'] as Tensor | undefined | null;
    if (mask) {
      if (!shapesEqual(mask.shape, [b, tq, tk])) {
        throw new Error(`${this.desc}: attentionMask must have shape ${fmtShape([b, tq, tk])} ([batch, query time, key time]), got ${fmtShape(mask.shape)}.`);
      }
      const keep = expandDims(cast(cast(mask, 'bool'), 'float32'), 1);
      logits = add(logits, mul(sub(1, keep), MASKED_LOGIT));
    }
    const scores = softmax(logits, -1);
    const dropped = kwargs.training && this.dropout > 0 ? mul(scores, dropoutMask(scores.shape, this.dropout)) : scores;
    const context = reshape(transpose(matMul(dropped, v), [0, 2, 1, 3]), [b * tq, this.numHeads * this.valueDim]);
    const wo = this.kernels.get('attention_output')!;
    const outDim = wo.shape[2]!;
    let y = matMul(context, reshape(wo, [this.numHeads * this.valueDim, outDim]));
    const bo = this.biases.get('attention_output');
    if (bo) y = add(y, bo);
    const output = reshape(y, [b, tq, outDim]);
    return kwargs['returnAttentionScores'] ? [output, scores] : output;
  }

  /** computeOutputShape gets no call options, so note returnAttentionScores for symbolic calls. */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[], kwargs?: CallArgs): Tensor | Tensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: CallArgs = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    this.symbolicScores = kwargs['returnAttentionScores'] === true;
    try {
      return super.apply(inputs, kwargs);
    } finally {
      this.symbolicScores = false;
    }
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const [q, v] = this.shapesOf(inputShape);
    const out: SymShape = [q[0] ?? null, q[1] ?? null, this.outputShape ?? q[2]!];
    return this.symbolicScores ? [out, [q[0] ?? null, this.numHeads, q[1] ?? null, v[1] ?? null]] : out;
  }

  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = {
      ...super.getConfig(), numHeads: this.numHeads, keyDim: this.keyDim, valueDim: this.valueDim, dropout: this.dropout,
      useBias: this.useBias, attentionAxes: null,
      kernelInitializer: ser.init(this.kernelInitializer), biasInitializer: ser.init(this.biasInitializer),
      kernelRegularizer: ser.reg(this.kernelRegularizer), biasRegularizer: ser.reg(this.biasRegularizer),
      kernelConstraint: ser.constraint(this.kernelConstraint), biasConstraint: ser.constraint(this.biasConstraint),
    };
    if (this.outputShape !== undefined) c['outputShape'] = this.outputShape;
    return c;
  }
}
registerClass(MultiHeadAttention);

export const multiHeadAttention = (args: MultiHeadAttentionArgs): MultiHeadAttention => new MultiHeadAttention(args);
