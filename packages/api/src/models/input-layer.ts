import { z } from 'zod';
import type { DType } from '../backend/types';
import type { Tensor } from '../tensor/tensor';
import { Layer, baseLayerSchema, single, type CallArgs } from '../layers/base/layer';
import { Node, SymbolicTensor, type SymShape } from '../layers/base/symbolic';
import { registerClass } from '../layers/base/serialization';
import { validateConfig } from '../layers/validate-config';

const schema = baseLayerSchema.extend({ sparse: z.literal(false).optional() }).strict()
  .refine((c) => c.inputShape || c.batchInputShape, { message: 'give inputShape (without the batch) or batchInputShape', path: ['inputShape'] });
export type InputLayerArgs = z.input<typeof schema>;

/** The entry point of a graph: no weights, one symbolic output. */
export class InputLayer extends Layer {
  static override className = 'InputLayer';
  readonly output: SymbolicTensor;

  constructor(args: InputLayerArgs) {
    const c = validateConfig('inputLayer', schema, args);
    super(c);
    this.built = true;
    const node = new Node(this, [], false, {});
    this.inboundNodes.push(node);
    node.outputs = [new SymbolicTensor([...this.batchInputShape!], this.dtype, node, 0, this.name)];
    this.output = node.outputs[0]!;
  }

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor {
    return single(inputs, this.desc).clone();
  }

  override computeOutputDtype(_d: DType[]): DType {
    return this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    const { trainable: _t, ...rest } = super.getConfig();
    return rest;
  }
}
registerClass(InputLayer);

const inputSchema = z.object({
  shape: z.array(z.number().int().positive().nullable()).optional(),
  batchShape: z.array(z.number().int().positive().nullable()).optional(),
  batchSize: z.number().int().positive().optional(),
  dtype: z.enum(['float32', 'int32', 'bool']).optional(),
  name: z.string().min(1).optional(),
}).strict().refine((c) => c.shape || c.batchShape, { message: 'give shape (without the batch) or batchShape', path: ['shape'] });
export type InputArgs = z.input<typeof inputSchema>;

/** A symbolic model input: `input({shape: [784]})` has shape [null, 784]. */
export function input(args: InputArgs): SymbolicTensor {
  const c = validateConfig('input', inputSchema, args);
  const batchInputShape: SymShape = c.batchShape ?? [c.batchSize ?? null, ...c.shape!];
  return new InputLayer({ batchInputShape, dtype: c.dtype, name: c.name }).output;
}
