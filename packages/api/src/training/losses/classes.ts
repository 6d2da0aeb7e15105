import type { Tensor } from '../../tensor/tensor';
import { Loss, type Reduction } from './loss';
import * as r from './regression';
import * as p from './probabilistic';
import * as m from './margin';

/** Keras-style loss classes; `new CategoricalCrossentropy({ fromLogits: true })`. */
interface Base { reduction?: Reduction; name?: string }
type CE = p.CrossentropyOptions & Base;
type Focal = p.FocalOptions & Base;

const simple = (name: string, fn: (t: Tensor, y: Tensor) => Tensor) =>
  class extends Loss {
    constructor(o: Base = {}) {
      super(o.name ?? name, fn, o.reduction);
    }
  };

export const MeanSquaredError = simple('mean_squared_error', r.meanSquaredError);
export const MeanAbsoluteError = simple('mean_absolute_error', r.meanAbsoluteError);
export const MeanAbsolutePercentageError = simple('mean_absolute_percentage_error', r.meanAbsolutePercentageError);
export const MeanSquaredLogarithmicError = simple('mean_squared_logarithmic_error', r.meanSquaredLogarithmicError);
export const LogCosh = simple('log_cosh', r.logCosh);
export const KLDivergence = simple('kl_divergence', p.kld);
export const Poisson = simple('poisson', p.poisson);
export const Hinge = simple('hinge', m.hinge);
export const SquaredHinge = simple('squared_hinge', m.squaredHinge);
export const CategoricalHinge = simple('categorical_hinge', m.categoricalHinge);

export class Huber extends Loss {
  constructor(o: Base & { delta?: number } = {}) {
    super(o.name ?? 'huber_loss', (t, y) => r.huber(t, y, o.delta ?? 1), o.reduction);
  }
}
export class CosineSimilarity extends Loss {
  constructor(o: Base & { axis?: number } = {}) {
    super(o.name ?? 'cosine_similarity', (t, y) => m.cosineSimilarity(t, y, o.axis ?? -1), o.reduction);
  }
}
export class BinaryCrossentropy extends Loss {
  constructor(o: CE = {}) {
    super(o.name ?? 'binary_crossentropy', (t, y) => p.binaryCrossentropy(t, y, o), o.reduction);
  }
}
export class CategoricalCrossentropy extends Loss {
  constructor(o: CE = {}) {
    super(o.name ?? 'categorical_crossentropy', (t, y) => p.categoricalCrossentropy(t, y, o), o.reduction);
  }
}
export class SparseCategoricalCrossentropy extends Loss {
  constructor(o: CE = {}) {
    super(o.name ?? 'sparse_categorical_crossentropy', (t, y) => p.sparseCategoricalCrossentropy(t, y, o), o.reduction);
  }
}
export class BinaryFocalCrossentropy extends Loss {
  constructor(o: Focal = {}) {
    super(o.name ?? 'binary_focal_crossentropy', (t, y) => p.binaryFocalCrossentropy(t, y, o), o.reduction);
  }
}
export class CategoricalFocalCrossentropy extends Loss {
  constructor(o: Focal = {}) {
    super(o.name ?? 'categorical_focal_crossentropy', (t, y) => p.categoricalFocalCrossentropy(t, y, o), o.reduction);
  }
}
