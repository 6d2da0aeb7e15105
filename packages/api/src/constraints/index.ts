import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import { add, clipByValue, div, mul, relu, sqrt, square } from '../ops/elementwise';
import { sum } from '../ops/reduce';
import type { ClassConfig } from '../initializers/initializer';
import { lookupByName } from '../initializers/lookup';

const EPS = 1e-7;

/** Projects a weight back into its allowed set; applied after each optimizer step. */
export abstract class Constraint {
  abstract readonly className: string;
  abstract apply(w: Tensor): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}

/** Norms along `axis` (default 0: each output unit's incoming weights, as in Keras). */
const norms = (w: Tensor, axis: number | number[]): Tensor => sqrt(sum(square(w), axis, true));

export class MaxNorm extends Constraint {
  readonly className = 'MaxNorm';
  constructor(readonly maxValue = 2, readonly axis: number | number[] = 0) {
    super();
  }
  apply(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      const desired = clipByValue(n, 0, this.maxValue);
      return mul(w, div(desired, add(n, EPS)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { maxValue: this.maxValue, axis: this.axis };
  }
}

export class MinMaxNorm extends Constraint {
  readonly className = 'MinMaxNorm';
  constructor(readonly minValue = 0, readonly maxValue = 1, readonly rate = 1, readonly axis: number | number[] = 0) {
    super();
  }
  apply(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      const desired = add(mul(clipByValue(n, this.minValue, this.maxValue), this.rate), mul(n, 1 - this.rate));
      return mul(w, div(desired, add(n, EPS)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { minValue: this.minValue, maxValue: this.maxValue, rate: this.rate, axis: this.axis };
  }
}

export class NonNeg extends Constraint {
  readonly className = 'NonNeg';
  apply(w: Tensor): Tensor {
    return relu(w);
  }
}

export class UnitNorm extends Constraint {
  readonly className = 'UnitNorm';
  constructor(readonly axis: number | number[] = 0) {
    super();
  }
  apply(w: Tensor): Tensor {
    return tidy(() => div(w, add(norms(w, this.axis), EPS)));
  }
  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}

export const maxNorm = (a: { maxValue?: number; axis?: number } = {}): Constraint => new MaxNorm(a.maxValue, a.axis);
export const minMaxNorm = (a: { minValue?: number; maxValue?: number; rate?: number; axis?: number } = {}): Constraint =>
  new MinMaxNorm(a.minValue, a.maxValue, a.rate, a.axis);
export const nonNeg = (): Constraint => new NonNeg();
export const unitNorm = (a: { axis?: number } = {}): Constraint => new UnitNorm(a.axis);

const n = (c: Record<string, unknown>, k: string): number | undefined => (typeof c[k] === 'number' ? (c[k] as number) : undefined);
const ax = (c: Record<string, unknown>): number | number[] | undefined => (c['axis'] as number | number[] | undefined);
const byName: Record<string, (c: Record<string, unknown>) => Constraint> = {
  MaxNorm: (c) => new MaxNorm(n(c, 'maxValue'), ax(c)),
  MinMaxNorm: (c) => new MinMaxNorm(n(c, 'minValue'), n(c, 'maxValue'), n(c, 'rate'), ax(c)),
  NonNeg: () => new NonNeg(),
  UnitNorm: (c) => new UnitNorm(ax(c)),
};

export type ConstraintIdentifier = string | Constraint | ClassConfig;

export function getConstraint(id: ConstraintIdentifier, where = 'constraint'): Constraint {
  if (id instanceof Constraint) return id;
  if (typeof id === 'string') return lookupByName(byName, id, where, 'constraint')({});
  return lookupByName(byName, id.className, where, 'constraint')(id.config ?? {});
}

export function serializeConstraint(c: Constraint): ClassConfig {
  return { className: c.className, config: c.getConfig() };
}

