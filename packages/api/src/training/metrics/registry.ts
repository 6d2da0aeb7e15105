import type { Tensor } from '../../tensor/tensor';
import { nameKey, unknownName } from '../names';
import * as A from './accuracy';
import { AUC } from './auc';
import { F1Score, Precision, Recall } from './confusion';
import { MeanMetricWrapper, Metric } from './metric';
import * as R from './regression';
import * as Lf from '../losses';

export type MetricIdentifier = string | Metric | ((yTrue: Tensor, yPred: Tensor) => Tensor);

/** Makers by canonical name; each gets the name the user wrote (tfjs-layers logs 'acc' as 'acc'). */
const METRICS: Array<[string, (as: string, lossName?: string) => Metric, string[]]> = [
  ['accuracy', (as, loss) => new A.Accuracy(as, loss), ['acc']],
  ['binary_accuracy', (as) => new A.BinaryAccuracy({ name: as }), []],
  ['categorical_accuracy', (as) => new A.CategoricalAccuracy({ name: as }), []],
  ['sparse_categorical_accuracy', (as) => new A.SparseCategoricalAccuracy({ name: as }), []],
  ['top_k_categorical_accuracy', (as) => new A.TopKCategoricalAccuracy({ name: as }), []],
  ['precision', (as) => new Precision({ name: as }), []],
  ['recall', (as) => new Recall({ name: as }), []],
  ['auc', (as) => new AUC({ name: as }), []],
  ['f1_score', (as) => new F1Score({ name: as }), ['f1']],
  ['mean_squared_error', (as) => new R.MeanSquaredError({ name: as }), ['mse']],
  ['mean_absolute_error', (as) => new R.MeanAbsoluteError({ name: as }), ['mae']],
  ['root_mean_squared_error', (as) => new R.RootMeanSquaredErrorMetric({ name: as }), ['rmse']],
  ['r2_score', (as) => new R.R2Score({ name: as }), ['r2']],
  // loss functions used as metrics
  ['binary_crossentropy', (as) => new MeanMetricWrapper(as, (t, p) => Lf.binaryCrossentropy(t, p)), []],
  ['categorical_crossentropy', (as) => new MeanMetricWrapper(as, (t, p) => Lf.categoricalCrossentropy(t, p)), []],
  ['sparse_categorical_crossentropy', (as) => new MeanMetricWrapper(as, (t, p) => Lf.sparseCategoricalCrossentropy(t, p)), []],
  ['mean_absolute_percentage_error', (as) => new MeanMetricWrapper(as, Lf.meanAbsolutePercentageError), ['mape']],
  ['kl_divergence', (as) => new MeanMetricWrapper(as, Lf.kld), ['kld']],
  ['cosine_similarity', (as) => new MeanMetricWrapper(as, (t, p) => Lf.cosineSimilarity(t, p)), []],
];

const BY_KEY = new Map<string, (as: string, lossName?: string) => Metric>();
for (const [name, make, aliases] of METRICS) for (const n of [name, ...aliases]) BY_KEY.set(nameKey(n), make);

export const metricNames = (): string[] => METRICS.map(([n]) => n);

/** A fresh metric from a name, a Metric object, or a per-sample function. */
export function getMetric(id: MetricIdentifier, lossName?: string): Metric {
  if (id instanceof Metric) return id;
  if (typeof id === 'function') return new MeanMetricWrapper(id.name || 'metric', id);
  const make = BY_KEY.get(nameKey(id));
  if (!make) throw unknownName('metric', id, metricNames());
  return make(id, lossName);
}
