import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import { abs, add, mul, square } from '../ops/elementwise';
import { sum } from '../ops/reduce';
import { scalar } from '../tensor/create';
import type { ClassConfig } from '../initializers/initializer';
import { lookupByName } from '../initializers/lookup';

/** A weight penalty l1 * sum|w| + l2 * sum w^2, added to the training loss. */
export class Regularizer {
  readonly className = 'L1L2';
  constructor(readonly l1 = 0, readonly l2 = 0) {
    if (!(l1 >= 0) || !(l2 >= 0)) throw new Error(`regularizer: l1 and l2 must be >= 0, got l1=${l1}, l2=${l2}.`);
  }
  apply(w: Tensor): Tensor {
    return tidy(() => {
      let r = scalar(0);
      if (this.l1 > 0) r = add(r, mul(sum(abs(w)), this.l1));
      if (this.l2 > 0) r = add(r, mul(sum(square(w)), this.l2));
      return r;
    });
  }
  getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}

export const l1 = (a: { l1?: number } = {}): Regularizer => new Regularizer(a.l1 ?? 0.01, 0);
export const l2 = (a: { l2?: number } = {}): Regularizer => new Regularizer(0, a.l2 ?? 0.01);
export const l1l2 = (a: { l1?: number; l2?: number } = {}): Regularizer => new Regularizer(a.l1 ?? 0.01, a.l2 ?? 0.01);

const byName: Record<string, (c: Record<string, unknown>) => Regularizer> = {
  L1L2: (c) => new Regularizer(Number(c['l1'] ?? 0), Number(c['l2'] ?? 0)),
  L1: (c) => new Regularizer(Number(c['l1'] ?? 0.01), 0),
  L2: (c) => new Regularizer(0, Number(c['l2'] ?? 0.01)),
};

export type RegularizerIdentifier = string | Regularizer | ClassConfig;

export function getRegularizer(id: RegularizerIdentifier, where = 'regularizer'): Regularizer {
  if (id instanceof Regularizer) return id;
  if (typeof id === 'string') return lookupByName(byName, id === 'l1l2' ? 'L1L2' : id, where, 'regularizer')({});
  return lookupByName(byName, id.className, where, 'regularizer')(id.config ?? {});
}

export function serializeRegularizer(r: Regularizer): ClassConfig {
  return { className: r.className, config: r.getConfig() };
}
