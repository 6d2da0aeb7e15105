import { dispose } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import type { TrainableModel } from '../model-contract';
import { toCallbackList, type CallbackLike, type CallbackList, type Logs } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { ProgressLogger } from '../callbacks/progress';
import { nextTick } from './batches';
import { checkShapes, sampleCount, toTensorList, type ModelData } from './data';
import { evaluateTensors, logsToScalars, prepareXY } from './evaluate';
import { fitDatasetSchema } from './fit-args';
import { compiledState, metricsNames, type CompiledState } from './state';
import { EpochLogs, testStep, trainStep } from './step';
import { parseArgs } from './validate';
import { classSampleWeights } from './weights';

/** A dataset element: `{ xs, ys }` (tfjs) or `[xs, ys]`; values are Tensors or `{ data, shape }`. */
export type DatasetBatch = { xs: ModelData; ys: ModelData } | [ModelData, ModelData];
export type BatchDataset = AsyncIterable<DatasetBatch>;

export interface FitDatasetArgs {
  epochs?: number;
  /** Batches per epoch; the same iterator continues across epochs (tfjs). Without it, each epoch runs the dataset to its end. */
  batchesPerEpoch?: number;
  verbose?: 0 | 1 | 2;
  callbacks?: CallbackLike | CallbackLike[];
  validationData?: BatchDataset | [ModelData, ModelData];
  validationBatches?: number;
  validationBatchSize?: number;
  classWeight?: Record<string, number>;
  initialEpoch?: number;
  yieldEvery?: 'batch' | 'epoch' | 'never';
}

/** Convert one element to tensors; `owned` includes the dataset's own Tensors, freed after the batch (as tfjs). */
function batchTensors(model: TrainableModel, el: DatasetBatch, where: string) {
  const pair = Array.isArray(el) ? { xs: el[0], ys: el[1] } : el;
  if (!pair || pair.xs === undefined || pair.ys === undefined) {
    throw new Error(`${where}: each dataset element must be { xs, ys } (or [xs, ys]); got ${el === null ? 'null' : typeof el} with keys ${Object.keys(el ?? {}).join(', ')}.`);
  }
  const d = prepareXY(model, pair.xs, pair.ys, where);
  const fromDataset = [...d.xs, ...d.ys].filter((t) => !d.owned.includes(t));
  return { ...d, owned: [...d.owned, ...fromDataset] };
}

async function* iterate(ds: BatchDataset, limit?: number): AsyncGenerator<DatasetBatch> {
  let i = 0;
  for await (const el of ds) {
    if (limit !== undefined && i++ >= limit) break;
    yield el;
  }
}

/** Evaluate over (up to `limit` batches of) a dataset. */
async function evaluateOverDataset(model: TrainableModel, st: CompiledState, ds: BatchDataset, callbacks: CallbackList, where: string, limit?: number, prefix = ''): Promise<Logs> {
  const acc = new EpochLogs(st);
  acc.reset();
  await callbacks.call('onTestBegin', {});
  let b = 0;
  for await (const el of iterate(ds, limit)) {
    const d = batchTensors(model, el, where);
    try {
      await callbacks.call('onTestBatchBegin', b, { batch: b, size: d.n });
      acc.add(testStep(model, st, d.xs, d.ys), d.n);
    } finally {
      dispose(d.owned);
    }
    await callbacks.call('onTestBatchEnd', b++, acc.logs());
  }
  const logs = acc.logs();
  await callbacks.call('onTestEnd', logs);
  return Object.fromEntries(Object.entries(logs).map(([k, v]) => [prefix + k, v]));
}

const isDataset = (v: unknown): v is BatchDataset => typeof v === 'object' && v !== null && Symbol.asyncIterator in v;

/** model.fitDataset: training from an async-iterable of batches. */
export async function fitDatasetModel(model: TrainableModel, dataset: BatchDataset, args: FitDatasetArgs = {}): Promise<History> {
  const where = `fitDataset (model '${model.name}')`;
  const st = compiledState(model, where);
  if (st.running) throw new Error(`${where}: fit is already running on this model. Await the first fit() before starting another.`);
  const a = parseArgs(fitDatasetSchema, args, where);
  if (!isDataset(dataset)) throw new Error(`${where}: dataset must be an async iterable of { xs, ys } batches (e.g. a Dataset from @lamina/datasets).`);
  st.running = true;
  const valOwned: Tensor[] = [];
  try {
    let valTensors: { xs: Tensor[]; ys: Tensor[] } | undefined;
    const vd = a.validationData as FitDatasetArgs['validationData'];
    if (vd && !isDataset(vd)) {
      const v = prepareXY(model, vd[0], vd[1], `${where} validationData`);
      valOwned.push(...v.owned);
      valTensors = v;
    }
    const epochs = a.epochs ?? 1;
    const verbose = a.verbose ?? 1;
    const history = new History();
    const callbacks = toCallbackList(a.callbacks as CallbackLike[], verbose > 0 ? [new ProgressLogger(verbose)] : []);
    // History last, so it records what other callbacks add to the epoch logs (e.g. learning_rate)
    callbacks.callbacks.push(history);
    callbacks.setModel(model);
    callbacks.setParams({
      epochs, steps: a.batchesPerEpoch ?? null, samples: null, batchSize: null, verbose, initialEpoch: a.initialEpoch ?? 0,
      metrics: [...metricsNames(model), ...(vd ? metricsNames(model).map((m) => `val_${m}`) : [])],
    });
    const acc = new EpochLogs(st);
    // with batchesPerEpoch one iterator runs on across epochs
    const shared = a.batchesPerEpoch !== undefined ? dataset[Symbol.asyncIterator]() : undefined;
    model.stopTraining = false;
    await callbacks.call('onTrainBegin', {});
    let last: Logs = {};
    for (let epoch = a.initialEpoch ?? 0; epoch < epochs; epoch++) {
      acc.reset();
      await callbacks.call('onEpochBegin', epoch, {});
      const it = shared ?? dataset[Symbol.asyncIterator]();
      for (let b = 0; a.batchesPerEpoch === undefined || b < a.batchesPerEpoch; b++) {
        const next = await it.next();
        if (next.done) {
          if (shared && b === 0) throw new Error(`${where}: the dataset ran out of batches at epoch ${epoch + 1}. Use dataset.repeat() or lower batchesPerEpoch × epochs.`);
          break;
        }
        const d = batchTensors(model, next.value, where);
        try {
          await callbacks.call('onBatchBegin', b, { batch: b, size: d.n });
          let sw: Tensor | undefined;
          if (a.classWeight) {
            sw = classSampleWeights(d.ys[0]!, a.classWeight);
            d.owned.push(sw);
          }
          acc.add(trainStep(model, st, d.xs, d.ys, sw), d.n);
        } finally {
          dispose(d.owned);
        }
        await callbacks.call('onBatchEnd', b, { batch: b, size: d.n, ...acc.logs() });
        if ((a.yieldEvery ?? 'batch') === 'batch') await nextTick();
        if (model.stopTraining) break;
      }
      const logs = acc.logs();
      if (vd && isDataset(vd)) Object.assign(logs, await evaluateOverDataset(model, st, vd, callbacks, where, a.validationBatches, 'val_'));
      else if (valTensors) Object.assign(logs, await evaluateTensors(model, st, valTensors.xs, valTensors.ys, undefined, a.validationBatchSize ?? 32, callbacks, 'val_'));
      await callbacks.call('onEpochEnd', epoch, logs);
      last = logs;
      if (model.stopTraining) break;
    }
    await callbacks.call('onTrainEnd', last);
    return history;
  } finally {
    dispose(valOwned);
    st.running = false;
  }
}

export interface EvaluateDatasetArgs { batches?: number; verbose?: 0 | 1 | 2; callbacks?: CallbackLike | CallbackLike[] }

/** model.evaluateDataset: loss and metrics over a dataset, as scalars (the caller disposes them). */
export async function evaluateDatasetModel(model: TrainableModel, dataset: BatchDataset, args: EvaluateDatasetArgs = {}): Promise<Tensor | Tensor[]> {
  const where = `evaluateDataset (model '${model.name}')`;
  const st = compiledState(model, where);
  if (!isDataset(dataset)) throw new Error(`${where}: dataset must be an async iterable of { xs, ys } batches.`);
  const logs = await evaluateOverDataset(model, st, dataset, toCallbackList(args.callbacks), where, args.batches);
  return logsToScalars(model, logs);
}

