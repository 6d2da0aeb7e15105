import type { DType } from '../backend/types';
import { fill, randomNormal, randomUniform, truncatedNormal } from '../tensor/create';
import type { Tensor } from '../tensor/tensor';
import { computeFans } from './fans';
import { Initializer } from './initializer';

export class Zeros extends Initializer {
  readonly className = 'Zeros';
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, 0, dtype);
  }
}

export class Ones extends Initializer {
  readonly className = 'Ones';
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, 1, dtype);
  }
}

export class Constant extends Initializer {
  readonly className = 'Constant';
  constructor(readonly value: number) {
    super();
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return fill(shape, this.value, dtype);
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

export class RandomUniform extends Initializer {
  readonly className = 'RandomUniform';
  constructor(readonly minval = -0.05, readonly maxval = 0.05, readonly seed?: number) {
    super();
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return randomUniform(shape, this.minval, this.maxval, dtype, this.seed);
  }
  override getConfig(): Record<string, unknown> {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed ?? null };
  }
}

export class RandomNormal extends Initializer {
  readonly className = 'RandomNormal';
  constructor(readonly mean = 0, readonly stddev = 0.05, readonly seed?: number) {
    super();
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return randomNormal(shape, this.mean, this.stddev, dtype, this.seed);
  }
  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed ?? null };
  }
}

export class TruncatedNormal extends Initializer {
  readonly className = 'TruncatedNormal';
  constructor(readonly mean = 0, readonly stddev = 0.05, readonly seed?: number) {
    super();
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    return truncatedNormal(shape, this.mean, this.stddev, dtype, this.seed);
  }
  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed ?? null };
  }
}

export type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';
export type Distribution = 'normal' | 'uniform' | 'truncatedNormal';

/** scale / fan, drawn uniform (limit sqrt(3 * s)) or truncated normal (stddev sqrt(s) / .8796). */
export class VarianceScaling extends Initializer {
  readonly className: string = 'VarianceScaling';
  constructor(readonly scale = 1, readonly mode: FanMode = 'fanIn', readonly distribution: Distribution = 'normal', readonly seed?: number) {
    super();
    if (!(scale > 0)) throw new Error(`varianceScaling: scale must be > 0, got ${scale}.`);
  }
  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    const { fanIn, fanOut } = computeFans(shape);
    const n = this.mode === 'fanIn' ? fanIn : this.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const s = this.scale / Math.max(1, n);
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * s);
      return randomUniform(shape, -limit, limit, dtype, this.seed);
    }
    if (this.distribution === 'truncatedNormal') return truncatedNormal(shape, 0, Math.sqrt(s) / 0.87962566103423978, dtype, this.seed);
    // 'normal' in tfjs/Keras 2 means the truncated normal as well
    return truncatedNormal(shape, 0, Math.sqrt(s) / 0.87962566103423978, dtype, this.seed);
  }
  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed ?? null };
  }
}

/** The named variance-scaling presets; their config is just the seed. */
function preset(className: string, scale: number, mode: FanMode, distribution: Distribution) {
  return class extends VarianceScaling {
    override readonly className = className;
    constructor(seed?: number) {
      super(scale, mode, distribution, seed);
    }
    override getConfig(): Record<string, unknown> {
      return { seed: this.seed ?? null };
    }
  };
}

export const GlorotUniform = preset('GlorotUniform', 1, 'fanAvg', 'uniform');
export const GlorotNormal = preset('GlorotNormal', 1, 'fanAvg', 'normal');
export const HeUniform = preset('HeUniform', 2, 'fanIn', 'uniform');
export const HeNormal = preset('HeNormal', 2, 'fanIn', 'normal');
export const LecunUniform = preset('LecunUniform', 1, 'fanIn', 'uniform');
export const LecunNormal = preset('LecunNormal', 1, 'fanIn', 'normal');
