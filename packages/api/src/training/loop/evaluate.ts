import { scalar } from '../../tensor/create';
import { Tensor } from '../../tensor/tensor';
import type { TrainableModel } from '../model-contract';
import { toCallbackList, type CallbackLike, type CallbackList, type Logs } from '../callbacks/callback';
import { takeRows, nextTick } from './batches';
import { checkShapes, sampleCount, toTensorList, type ModelData } from './data';
import { evaluateSchema } from './fit-args';
import { EpochLogs, testStep } from './step';
import { compiledState, metricsNames, type CompiledState } from './state';
import { parseArgs } from './validate';
import { checkSampleWeight } from './weights';
import { dispose } from '../../engine/scope';

export interface EvaluateArgs {
  batchSize?: number;
  verbose?: 0 | 1 | 2;
  sampleWeight?: Tensor;
  steps?: number;
  callbacks?: CallbackLike | CallbackLike[];
}

/** Batched loss and metrics over tensors; logs are sample-weighted means over all batches. */
export async function evaluateTensors(
  model: TrainableModel, st: CompiledState, xs: Tensor[], ys: Tensor[], sw: Tensor | undefined,
  batchSize: number, callbacks: CallbackList, prefix = '',
): Promise<Logs> {
  const n = xs[0]!.shape[0]!;
  const acc = new EpochLogs(st);
  acc.reset();
  await callbacks.call('onTestBegin', {});
  for (let b = 0, start = 0; start < n; b++, start += batchSize) {
    const end = Math.min(start + batchSize, n);
    await callbacks.call('onTestBatchBegin', b, { batch: b, size: end - start });
    const batch = takeRows([...xs, ...ys, ...(sw ? [sw] : [])], start, end);
    try {
      acc.add(testStep(model, st, batch.slice(0, xs.length), batch.slice(xs.length, xs.length + ys.length), sw ? batch[batch.length - 1] : undefined), end - start);
    } finally {
      dispose(batch);
    }
    await callbacks.call('onTestBatchEnd', b, acc.logs());
  }
  const logs = acc.logs();
  await callbacks.call('onTestEnd', logs);
  if (!prefix) return logs;
  return Object.fromEntries(Object.entries(logs).map(([k, v]) => [prefix + k, v]));
}

/** Validates x and y against the model and returns tensors (owned ones to dispose). */
export function prepareXY(model: TrainableModel, x: ModelData, y: ModelData, where: string) {
  const xl = toTensorList(x, model.inputNames, 'x', where);
  try {
    const yl = toTensorList(y, model.outputNames, 'y', where);
    try {
      checkShapes(xl.tensors, model.inputShapes, model.inputNames, 'x', where);
      const n = sampleCount([{ what: 'x', tensors: xl.tensors }, { what: 'y', tensors: yl.tensors }], where);
      return { xs: xl.tensors, ys: yl.tensors, n, owned: [...xl.owned, ...yl.owned] };
    } catch (e) {
      dispose(yl.owned);
      throw e;
    }
  } catch (e) {
    dispose(xl.owned);
    throw e;
  }
}

/** model.evaluate: loss (and metrics) as scalars, as tfjs; the caller disposes them. */
export async function evaluateModel(model: TrainableModel, x: ModelData, y: ModelData, args: EvaluateArgs = {}): Promise<Tensor | Tensor[]> {
  const where = `evaluate (model '${model.name}')`;
  const a = parseArgs(evaluateSchema, args, where);
  const st = compiledState(model, where);
  const { xs, ys, n, owned } = prepareXY(model, x, y, where);
  try {
    if (a.sampleWeight) checkSampleWeight(a.sampleWeight as Tensor, n, where);
    const logs = await evaluateTensors(model, st, xs, ys, a.sampleWeight as Tensor | undefined, a.batchSize ?? 32, toCallbackList(a.callbacks as CallbackLike[]));
    return logsToScalars(model, logs);
  } finally {
    dispose(owned);
  }
}

export function logsToScalars(model: TrainableModel, logs: Logs): Tensor | Tensor[] {
  const out = metricsNames(model).map((k) => scalar(logs[k] ?? NaN));
  return out.length === 1 ? out[0]! : out;
}

export { nextTick };
