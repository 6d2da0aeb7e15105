import { dispose, tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { concat } from '../../ops/movement';
import type { TrainableModel } from '../model-contract';
import { toCallbackList, type CallbackLike } from '../callbacks/callback';
import { takeRows } from './batches';
import { checkShapes, sampleCount, toTensorList, type ModelData } from './data';
import { predictSchema } from './fit-args';
import { parseArgs } from './validate';

export interface PredictArgs {
  batchSize?: number;
  verbose?: 0 | 1 | 2;
  steps?: number;
  callbacks?: CallbackLike | CallbackLike[];
}

const single = (outs: Tensor[]): Tensor | Tensor[] => (outs.length === 1 ? outs[0]! : outs);

/** model.predict: inference in batches of `batchSize` (32), outputs concatenated. */
export async function predictModel(model: TrainableModel, x: ModelData, args: PredictArgs = {}): Promise<Tensor | Tensor[]> {
  const where = `predict (model '${model.name}')`;
  const a = parseArgs(predictSchema, args, where);
  const { tensors: xs, owned } = toTensorList(x, model.inputNames, 'x', where);
  const callbacks = toCallbackList(a.callbacks as CallbackLike[]);
  callbacks.setModel(model);
  const parts: Tensor[][] = [];
  try {
    checkShapes(xs, model.inputShapes, model.inputNames, 'x', where);
    const n = sampleCount([{ what: 'x', tensors: xs }], where);
    const bs = a.batchSize ?? 32;
    await callbacks.call('onPredictBegin', {});
    for (let b = 0, start = 0; start < n; b++, start += bs) {
      const end = Math.min(start + bs, n);
      await callbacks.call('onPredictBatchBegin', b, { batch: b, size: end - start });
      parts.push(tidy(() => model.apply(takeRows(xs, start, end), { training: false })));
      await callbacks.call('onPredictBatchEnd', b, { batch: b, size: end - start });
    }
    await callbacks.call('onPredictEnd', {});
    const outs = tidy(() => model.outputNames.map((_, o) => (parts.length === 1 ? parts[0]![o]!.clone() : concat(parts.map((p) => p[o]!), 0))));
    return single(outs);
  } finally {
    for (const p of parts) dispose(p);
    dispose(owned);
  }
}

/** model.predictOnBatch: one forward pass over the whole input. */
export function predictOnBatchModel(model: TrainableModel, x: ModelData): Tensor | Tensor[] {
  const where = `predictOnBatch (model '${model.name}')`;
  const { tensors: xs, owned } = toTensorList(x, model.inputNames, 'x', where);
  try {
    checkShapes(xs, model.inputShapes, model.inputNames, 'x', where);
    return single(tidy(() => model.apply(xs, { training: false })));
  } finally {
    dispose(owned);
  }
}
