import type { DType } from '../backend/types';
import type { Tensor } from '../tensor/tensor';

/** Serialized form shared by initializers, regularizers and constraints (tfjs style). */
export interface ClassConfig {
  className: string;
  config: Record<string, unknown>;
}

/** Makes the initial value of a weight. Seeded ones give the same values on every call. */
export abstract class Initializer {
  abstract readonly className: string;
  abstract apply(shape: number[], dtype?: DType): Tensor;
  getConfig(): Record<string, unknown> {
    return {};
  }
}
