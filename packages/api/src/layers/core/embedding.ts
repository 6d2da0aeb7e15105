import { z } from 'zod';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { gather } from '../../ops/movement';
import { Layer, baseLayerSchema, oneShape, single, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import { registerClass } from '../base/serialization';
import { constraintOpt, initializerOpt, posInt, regularizerOpt, resolveConstraint, resolveInit, resolveReg, ser } from '../base/schemas';
import { validateConfig } from '../validate-config';

const schema = baseLayerSchema.extend({
  inputDim: posInt,
  outputDim: posInt,
  embeddingsInitializer: initializerOpt,
  embeddingsRegularizer: regularizerOpt,
  embeddingsConstraint: constraintOpt,
  inputLength: z.union([posInt, z.array(posInt)]).optional(),
  maskZero: z.literal(false).optional(),
}).strict();
export type EmbeddingArgs = z.input<typeof schema>;

/** Integer ids [batch, ...] -> rows of an [inputDim, outputDim] table. maskZero is not supported. */
export class Embedding extends Layer {
  static override className = 'Embedding';
  readonly inputDim: number; readonly outputDim: number;
  readonly embeddingsInitializer; readonly embeddingsRegularizer; readonly embeddingsConstraint;
  readonly inputLength: number | number[] | undefined;
  embeddings!: Variable;

  constructor(args: EmbeddingArgs) {
    const c = validateConfig('embedding', schema, args);
    const len = c.inputLength === undefined ? undefined : typeof c.inputLength === 'number' ? [c.inputLength] : c.inputLength;
    super(len && !c.inputShape && !c.batchInputShape ? { ...c, inputShape: len } : c);
    this.inputDim = c.inputDim;
    this.outputDim = c.outputDim;
    this.inputLength = c.inputLength;
    // tfjs-layers default: uniform in [-0.05, 0.05]
    this.embeddingsInitializer = resolveInit(c.embeddingsInitializer, 'randomUniform', this.desc);
    this.embeddingsRegularizer = resolveReg(c.embeddingsRegularizer, this.desc);
    this.embeddingsConstraint = resolveConstraint(c.embeddingsConstraint, this.desc);
  }

  override build(_s: SymShape | SymShape[]): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], 'float32', this.embeddingsInitializer, this.embeddingsRegularizer, true, this.embeddingsConstraint);
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const ids = single(inputs, this.desc).cast('int32');
    return gather(this.embeddings, ids, 0);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    return [...oneShape(inputShape, this.desc), this.outputDim];
  }

  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = {
      ...super.getConfig(), inputDim: this.inputDim, outputDim: this.outputDim,
      embeddingsInitializer: ser.init(this.embeddingsInitializer), embeddingsRegularizer: ser.reg(this.embeddingsRegularizer),
      embeddingsConstraint: ser.constraint(this.embeddingsConstraint),
    };
    if (this.inputLength !== undefined) c['inputLength'] = this.inputLength;
    return c;
  }
}
registerClass(Embedding);

export const embedding = (args: EmbeddingArgs): Embedding => new Embedding(args);
