import { ArrayTensor, TypedArray, isArrayTensor } from '../types';

/**
 * One-hot encodes integer class labels (as keras.utils.to_categorical): labels of shape [n]
 * (or [n, 1]) become float32 [n, numClasses]. numClasses defaults to max(label) + 1.
 */
export function toCategorical(labels: ArrayTensor | TypedArray | readonly number[], numClasses?: number): ArrayTensor {
  let values: ArrayLike<number>;
  let leading: number[];
  if (isArrayTensor(labels)) {
    values = labels.data;
    const shape = labels.shape;
    // Keras drops a trailing 1 ([n, 1] -> [n, k]).
    leading = shape.length > 1 && shape[shape.length - 1] === 1 ? shape.slice(0, -1) : [...shape];
  } else {
    values = labels as ArrayLike<number>;
    leading = [values.length];
  }
  let max = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`toCategorical: label ${i} is ${v}; labels must be integers >= 0.`);
    }
    if (v > max) max = v;
  }
  const k = numClasses ?? max + 1;
  if (!Number.isInteger(k) || k < 1) throw new Error(`toCategorical: numClasses must be a positive integer, got ${k}.`);
  if (max >= k) {
    throw new Error(`toCategorical: a label is ${max} but numClasses is ${k}; labels must be in [0, ${k - 1}] (raise numClasses).`);
  }
  const out = new Float32Array(values.length * k);
  for (let i = 0; i < values.length; i++) out[i * k + values[i]] = 1;
  return { data: out, shape: [...leading, k] };
}
