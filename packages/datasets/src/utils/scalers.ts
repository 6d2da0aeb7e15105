import { ArrayTensor, formatShape } from '../types';
import { rowCount } from './rows';

/** A feature-wise scaler: fit on the training data, then transform any data the same way. */
export interface Scaler {
  fit(data: ArrayTensor): Scaler;
  transform(data: ArrayTensor): ArrayTensor;
  fitTransform(data: ArrayTensor): ArrayTensor;
  inverseTransform(data: ArrayTensor): ArrayTensor;
  /** True once fit() has run. */
  readonly fitted: boolean;
}

interface Affine {
  /** transform: (x - offset) * scale + shift, per feature. */
  offset: Float64Array;
  scale: Float64Array;
  shift: number;
}

function featureCount(data: ArrayTensor, op: string): number {
  const n = rowCount(data, op, 'data');
  return n === 0 ? 0 : data.data.length / n;
}

/** Features are everything after axis 0 (a [n, 28, 28] tensor has 784). */
function makeScaler(name: string, computeAffine: (data: ArrayTensor, features: number) => Affine): Scaler & { readonly params: Affine | null } {
  let params: Affine | null = null;
  let fittedShape: number[] = [];
  const check = (data: ArrayTensor, op: string): Affine => {
    if (params === null) throw new Error(`${name}.${op}: call fit(trainData) first.`);
    const f = featureCount(data, `${name}.${op}`);
    if (f !== params.offset.length) {
      throw new Error(
        `${name}.${op}: data has ${f} features per row (shape ${formatShape(data.shape)}) but the scaler was fitted on ` +
          `${params.offset.length} (shape ${formatShape(fittedShape)}).`,
      );
    }
    return params;
  };
  const scaler = {
    get fitted() {
      return params !== null;
    },
    get params() {
      return params;
    },
    fit(data: ArrayTensor) {
      const f = featureCount(data, `${name}.fit`);
      if (data.shape[0] === 0) throw new Error(`${name}.fit: data has no rows.`);
      params = computeAffine(data, f);
      fittedShape = [...data.shape];
      return scaler;
    },
    transform(data: ArrayTensor): ArrayTensor {
      const p = check(data, 'transform');
      const f = p.offset.length;
      const out = new Float32Array(data.data.length);
      for (let i = 0; i < out.length; i++) {
        const k = i % f;
        out[i] = (data.data[i] - p.offset[k]) * p.scale[k] + p.shift;
      }
      return { data: out, shape: [...data.shape] };
    },
    fitTransform(data: ArrayTensor): ArrayTensor {
      return scaler.fit(data).transform(data);
    },
    inverseTransform(data: ArrayTensor): ArrayTensor {
      const p = check(data, 'inverseTransform');
      const f = p.offset.length;
      const out = new Float32Array(data.data.length);
      for (let i = 0; i < out.length; i++) {
        const k = i % f;
        out[i] = (data.data[i] - p.shift) / p.scale[k] + p.offset[k];
      }
      return { data: out, shape: [...data.shape] };
    },
  };
  return scaler;
}

/** (x - mean) / std per feature, std with ddof 0 (as scikit-learn); a constant feature gets std 1. */
export function standardScaler(): Scaler & { readonly mean: Float64Array | null; readonly std: Float64Array | null } {
  const base = makeScaler('standardScaler', (data, f) => {
    const n = data.shape[0];
    const mean = new Float64Array(f);
    const sq = new Float64Array(f);
    for (let i = 0; i < data.data.length; i++) mean[i % f] += data.data[i];
    for (let k = 0; k < f; k++) mean[k] /= n;
    for (let i = 0; i < data.data.length; i++) {
      const d = data.data[i] - mean[i % f];
      sq[i % f] += d * d;
    }
    const scale = new Float64Array(f);
    for (let k = 0; k < f; k++) {
      const std = Math.sqrt(sq[k] / n);
      scale[k] = std === 0 ? 1 : 1 / std;
    }
    return { offset: mean, scale, shift: 0 };
  });
  return Object.defineProperties(base, {
    mean: { get: () => base.params?.offset ?? null },
    std: { get: () => (base.params ? base.params.scale.map((s) => 1 / s) : null) },
  }) as unknown as Scaler & { readonly mean: Float64Array | null; readonly std: Float64Array | null };
}

export interface MinMaxScalerOptions {
  /** Target range (default [0, 1]). */
  featureRange?: [number, number];
}

/** Maps each feature's [min, max] on the training data to featureRange; a constant feature maps to its lower end. */
export function minMaxScaler(options: MinMaxScalerOptions = {}): Scaler & { readonly min: Float64Array | null; readonly max: Float64Array | null } {
  const [lo, hi] = options.featureRange ?? [0, 1];
  if (!(hi > lo)) throw new Error(`minMaxScaler: featureRange must be [low, high] with high > low, got [${lo}, ${hi}].`);
  let min: Float64Array | null = null;
  let max: Float64Array | null = null;
  const base = makeScaler('minMaxScaler', (data, f) => {
    min = new Float64Array(f).fill(Infinity);
    max = new Float64Array(f).fill(-Infinity);
    for (let i = 0; i < data.data.length; i++) {
      const k = i % f;
      const v = data.data[i];
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
    const scale = new Float64Array(f);
    for (let k = 0; k < f; k++) {
      const range = max[k] - min[k];
      scale[k] = (hi - lo) / (range === 0 ? 1 : range);
    }
    return { offset: min, scale, shift: lo };
  });
  return Object.defineProperties(base, {
    min: { get: () => min },
    max: { get: () => max },
  }) as unknown as Scaler & { readonly min: Float64Array | null; readonly max: Float64Array | null };
}
