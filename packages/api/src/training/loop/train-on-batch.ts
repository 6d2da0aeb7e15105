import { dispose } from '../../engine/scope';
import type { TrainableModel } from '../model-contract';
import type { ModelData } from './data';
import { prepareXY } from './evaluate';
import { compiledState, metricsNames } from './state';
import { EpochLogs, trainStep } from './step';

/** model.trainOnBatch: one step over all of x/y; resolves to loss (and metrics) as numbers. */
export async function trainOnBatchModel(model: TrainableModel, x: ModelData, y: ModelData): Promise<number | number[]> {
  const where = `trainOnBatch (model '${model.name}')`;
  const st = compiledState(model, where);
  const { xs, ys, n, owned } = prepareXY(model, x, y, where);
  try {
    const acc = new EpochLogs(st);
    acc.reset();
    acc.add(trainStep(model, st, xs, ys), n);
    const logs = acc.logs();
    const out = metricsNames(model).map((k) => logs[k]!);
    return out.length === 1 ? out[0]! : out;
  } finally {
    dispose(owned);
  }
}
