/** The typed arrays that datasets emit. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** A plain row-major tensor: `data.length` equals the product of `shape`. */
export interface ArrayTensor {
  data: TypedArray;
  shape: number[];
}

/** Anything tensor-shaped that can hand over its values synchronously (the api's Tensor fits). */
export interface TensorLike {
  readonly shape: readonly number[];
  dataSync(): TypedArray;
}

export type DType = 'float32' | 'int32' | 'uint8';

export function isTypedArray(value: unknown): value is TypedArray {
  return value instanceof Float32Array || value instanceof Int32Array || value instanceof Uint8Array;
}

export function isArrayTensor(value: unknown): value is ArrayTensor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { data?: unknown; shape?: unknown };
  return isTypedArray(v.data) && Array.isArray(v.shape) && !('dataSync' in value);
}

export function isTensorLike(value: unknown): value is TensorLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { shape?: unknown; dataSync?: unknown };
  return Array.isArray(v.shape) && typeof v.dataSync === 'function';
}

export function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  return 'uint8';
}

export function allocate(dtype: DType, length: number): TypedArray {
  if (dtype === 'float32') return new Float32Array(length);
  if (dtype === 'int32') return new Int32Array(length);
  return new Uint8Array(length);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** Builds an ArrayTensor after checking that data and shape agree. */
export function arrayTensor(data: TypedArray, shape: readonly number[]): ArrayTensor {
  const size = sizeOfShape(shape);
  if (data.length !== size) {
    throw new Error(
      `arrayTensor: shape ${formatShape(shape)} needs ${size} values but the data holds ${data.length}; ` +
        'pass a shape whose product equals data.length.',
    );
  }
  return { data, shape: [...shape] };
}

/** Copies a tensor-like (e.g. the api's Tensor) into an ArrayTensor. */
export function fromTensorLike(t: TensorLike): ArrayTensor {
  return arrayTensor(t.dataSync(), t.shape);
}

/** Features and labels with the same number of rows. */
export interface LabeledArrays {
  x: ArrayTensor;
  y: ArrayTensor;
}

/** What each loader returns, as keras.datasets' ((x_train, y_train), (x_test, y_test)). */
export interface TrainTestData {
  train: LabeledArrays;
  test: LabeledArrays;
}
