import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { cast } from '../../ops/convert';
import { gather, reshape } from '../../ops/movement';
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
  /** Accepted for tfjs compatibility; Lamina layers do not propagate masks yet. */
  maskZero: z.boolean().optional(),
  inputLength: z.union([posInt, z.array(posInt)]).optional(),
}).strict();
export type EmbeddingArgs = z.input<typeof schema>;

/** Maps integer ids [..] to rows of a trainable table: output [.., outputDim]. */
export class Embedding extends Layer {
  static override className = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly inputLength: number | number[] | undefined;
  readonly embeddingsInitializer; readonly embeddingsRegularizer; readonly embeddingsConstraint;
  embeddings!: Variable;

  constructor(args: EmbeddingArgs) {
    const c = validateConfig(`embedding${args?.name ? ` '${args.name}'` : ''}`, schema, args);
    // inputLength stands in for inputShape, as in tfjs-layers
    const lengths = c.inputLength === undefined ? undefined : ([] as number[]).concat(c.inputLength);
    super(lengths && !c.inputShape && !c.batchInputShape ? { ...c, inputShape: lengths } : c);
    const w = this.desc;
    this.inputDim = c.inputDim;
    this.outputDim = c.outputDim;
    this.maskZero = c.maskZero ?? false;
    this.inputLength = c.inputLength;
    this.embeddingsInitializer = resolveInit(c.embeddingsInitializer, 'randomUniform', w);
    this.embeddingsRegularizer = resolveReg(c.embeddingsRegularizer, w);
    this.embeddingsConstraint = resolveConstraint(c.embeddingsConstraint, w);
  }

  override build(_inputShape: SymShape | SymShape[]): void {
    this.embeddings = this.addWeight(
      'embeddings', [this.inputDim, this.outputDim], 'float32', this.embeddingsInitializer,
      this.embeddingsRegularizer, true, this.embeddingsConstraint,
    );
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    const x = single(inputs, this.desc);
    const ids = cast(reshape(x, [-1]), 'int32');
    return reshape(gather(this.embeddings, ids, 0), [...x.shape, this.outputDim]);
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape {
    return [...oneShape(inputShape, this.desc), this.outputDim];
  }

  override computeOutputDtype(_inputDtypes: DType[]): DType {
    return 'float32';
  }

  override getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = {
      ...super.getConfig(), inputDim: this.inputDim, outputDim: this.outputDim,
      embeddingsInitializer: ser.init(this.embeddingsInitializer), embeddingsRegularizer: ser.reg(this.embeddingsRegularizer),
      embeddingsConstraint: ser.constraint(this.embeddingsConstraint), maskZero: this.maskZero,
    };
    if (this.inputLength !== undefined) c['inputLength'] = this.inputLength;
    return c;
  }
}
registerClass(Embedding);

export const embedding = (args: EmbeddingArgs): Embedding => new Embedding(args);
