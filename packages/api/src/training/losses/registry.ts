import type { Tensor } from '../../tensor/tensor';
import { nameKey, unknownName } from '../names';
import * as C from './classes';
import { Loss, type LossFn } from './loss';

/** Canonical snake_case names (as Keras) with their aliases. */
const LOSSES: Array<[string, () => Loss, string[]]> = [
  ['mean_squared_error', () => new C.MeanSquaredError(), ['mse']],
  ['mean_absolute_error', () => new C.MeanAbsoluteError(), ['mae']],
  ['mean_absolute_percentage_error', () => new C.MeanAbsolutePercentageError(), ['mape']],
  ['mean_squared_logarithmic_error', () => new C.MeanSquaredLogarithmicError(), ['msle']],
  ['huber', () => new C.Huber(), ['huber_loss']],
  ['log_cosh', () => new C.LogCosh(), ['logcosh']],
  ['binary_crossentropy', () => new C.BinaryCrossentropy(), ['bce']],
  ['categorical_crossentropy', () => new C.CategoricalCrossentropy(), ['cce']],
  ['sparse_categorical_crossentropy', () => new C.SparseCategoricalCrossentropy(), []],
  ['binary_focal_crossentropy', () => new C.BinaryFocalCrossentropy(), []],
  ['categorical_focal_crossentropy', () => new C.CategoricalFocalCrossentropy(), []],
  ['kl_divergence', () => new C.KLDivergence(), ['kld', 'kullback_leibler_divergence']],
  ['poisson', () => new C.Poisson(), []],
  ['hinge', () => new C.Hinge(), []],
  ['squared_hinge', () => new C.SquaredHinge(), []],
  ['categorical_hinge', () => new C.CategoricalHinge(), []],
  ['cosine_similarity', () => new C.CosineSimilarity(), []],
];

const BY_KEY = new Map<string, () => Loss>();
for (const [name, make, aliases] of LOSSES) for (const n of [name, ...aliases]) BY_KEY.set(nameKey(n), make);

export const lossNames = (): string[] => LOSSES.map(([n]) => n);

export type LossIdentifier = string | Loss | LossFn;

/** A loss from a name, a Loss object or a per-sample function `(yTrue, yPred) => Tensor`. */
export function getLoss(id: LossIdentifier): Loss {
  if (id instanceof Loss) return id;
  if (typeof id === 'function') return new Loss(id.name || 'loss', id as (t: Tensor, y: Tensor) => Tensor);
  const make = BY_KEY.get(nameKey(id));
  if (!make) throw unknownName('loss', id, lossNames());
  return make();
}
