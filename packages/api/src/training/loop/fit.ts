import { dispose } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { randomFor } from '../../util/random';
import type { TrainableModel } from '../model-contract';
import { toCallbackList, type CallbackLike, type Logs } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { ProgressLogger } from '../callbacks/progress';
import { nextTick, takeRows } from './batches';
import type { ModelData } from './data';
import { evaluateTensors, prepareXY } from './evaluate';
import { fitSchema } from './fit-args';
import { compiledState, metricsNames } from './state';
import { EpochLogs, trainStep } from './step';
import { parseArgs } from './validate';
import { checkSampleWeight, classSampleWeights } from './weights';

export interface FitArgs {
  batchSize?: number;
  epochs?: number;
  verbose?: 0 | 1 | 2;
  callbacks?: CallbackLike | CallbackLike[];
  validationSplit?: number;
  validationData?: [ModelData, ModelData] | [ModelData, ModelData, Tensor];
  validationBatchSize?: number;
  shuffle?: boolean;
  classWeight?: Record<string, number>;
  sampleWeight?: Tensor;
  initialEpoch?: number;
  stepsPerEpoch?: number;
  yieldEvery?: 'batch' | 'epoch' | 'never';
}

/** model.fit: mini-batch training over tensors; resolves to the History. */
export async function fitModel(model: TrainableModel, x: ModelData, y: ModelData, args: FitArgs = {}): Promise<History> {
  const where = `fit (model '${model.name}')`;
  const st = compiledState(model, where);
  if (st.running) throw new Error(`${where}: fit is already running on this model. Await the first fit() before starting another.`);
  const a = parseArgs(fitSchema, args, where);
  const owned: Tensor[] = [];
  st.running = true;
  try {
    // --- data: everything checked before any training state changes
    const d = prepareXY(model, x, y, where);
    owned.push(...d.owned);
    let sw = a.sampleWeight as Tensor | undefined;
    if (sw) checkSampleWeight(sw, d.n, where);
    if (a.classWeight) {
      if (d.ys.length !== 1) throw new Error(`${where}: classWeight works for single-output models; use sampleWeight for several outputs.`);
      sw = classSampleWeights(d.ys[0]!, a.classWeight, sw);
      owned.push(sw);
    }
    let xs = d.xs, ys = d.ys, n = d.n;
    let val: { xs: Tensor[]; ys: Tensor[]; sw?: Tensor } | undefined;
    if (a.validationData) {
      const [vx, vy, vsw] = a.validationData as [ModelData, ModelData, Tensor?];
      const v = prepareXY(model, vx, vy, `${where} validationData`);
      owned.push(...v.owned);
      val = { xs: v.xs, ys: v.ys, sw: vsw };
    } else if (a.validationSplit) {
      // Keras takes the last fraction, before shuffling
      const split = Math.floor(n * (1 - a.validationSplit));
      if (split <= 0 || split >= n) throw new Error(`${where}: validationSplit ${a.validationSplit} of ${n} samples leaves no training or no validation samples.`);
      const all = [...xs, ...ys, ...(sw ? [sw] : [])];
      const head = takeRows(all, 0, split);
      const tail = takeRows(all, split, n);
      owned.push(...head, ...tail);
      xs = head.slice(0, xs.length); ys = head.slice(xs.length, xs.length + ys.length);
      val = { xs: tail.slice(0, xs.length), ys: tail.slice(xs.length, xs.length + ys.length), sw: sw ? tail[tail.length - 1] : undefined };
      if (sw) sw = head[head.length - 1];
      n = split;
    }
    if (n === 0) throw new Error(`${where}: x and y hold no samples.`);

    // --- loop
    const batchSize = a.batchSize ?? 32;
    const epochs = a.epochs ?? 1;
    const verbose = a.verbose ?? 1;
    const batchesInData = Math.ceil(n / batchSize);
    const steps = a.stepsPerEpoch ?? batchesInData;
    const history = new History();
    const callbacks = toCallbackList(a.callbacks as CallbackLike[], verbose > 0 ? [new ProgressLogger(verbose)] : []);
    // History last, so it records what other callbacks add to the epoch logs (e.g. learning_rate)
    callbacks.callbacks.push(history);
    callbacks.setModel(model);
    callbacks.setParams({
      epochs, steps, samples: n, batchSize, verbose, initialEpoch: a.initialEpoch ?? 0,
      metrics: [...metricsNames(model), ...(val ? metricsNames(model).map((m) => `val_${m}`) : [])],
    });
    const rng = randomFor();
    const acc = new EpochLogs(st);
    model.stopTraining = false;
    await callbacks.call('onTrainBegin', {});
    let last: Logs = {};
    for (let epoch = a.initialEpoch ?? 0; epoch < epochs; epoch++) {
      acc.reset();
      await callbacks.call('onEpochBegin', epoch, {});
      let order: Int32Array | undefined;
      if (a.shuffle ?? true) {
        order = Int32Array.from({ length: n }, (_, i) => i);
        rng.shuffle(order);
      }
      const data = [...xs, ...ys, ...(sw ? [sw] : [])];
      for (let b = 0; b < steps; b++) {
        const bi = b % batchesInData;
        const start = bi * batchSize;
        const end = Math.min(start + batchSize, n);
        await callbacks.call('onBatchBegin', b, { batch: b, size: end - start });
        const batch = takeRows(data, start, end, order);
        try {
          const bx = batch.slice(0, xs.length);
          const by = batch.slice(xs.length, xs.length + ys.length);
          acc.add(trainStep(model, st, bx, by, sw ? batch[batch.length - 1] : undefined), end - start);
        } finally {
          dispose(batch);
        }
        await callbacks.call('onBatchEnd', b, { batch: b, size: end - start, ...acc.logs() });
        if ((a.yieldEvery ?? 'batch') === 'batch') await nextTick();
        if (model.stopTraining) break;
      }
      const logs = acc.logs();
      if (val) Object.assign(logs, await evaluateTensors(model, st, val.xs, val.ys, val.sw, a.validationBatchSize ?? batchSize, callbacks, 'val_'));
      await callbacks.call('onEpochEnd', epoch, logs);
      last = logs;
      if (a.yieldEvery === 'epoch') await nextTick();
      if (model.stopTraining) break;
    }
    await callbacks.call('onTrainEnd', last);
    return history;
  } finally {
    dispose(owned);
    st.running = false;
  }
}
