/** Element types a tensor can hold. `bool` is stored as 0/1 bytes. */
export type DType = 'float32' | 'int32' | 'bool';
/** The typed array behind each dtype. */
export type DataArray = Float32Array | Int32Array | Uint8Array;
export type Shape = readonly number[];

/**
 * A backend's handle to stored data. Opaque to the api: the backend decides what it holds
 * (a typed array, a tf.Tensor, a GPU buffer). Each handle is disposed exactly once.
 */
export type DataId = object;

/** What a kernel sees of each input: the handle plus the shape and dtype the api tracks. */
export interface TensorInfo {
  readonly dataId: DataId;
  readonly shape: Shape;
  readonly dtype: DType;
}

/** The output the api decided for a kernel call (backends never decide shapes). */
export interface OutInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

export function arrayTypeFor(dtype: DType): typeof Float32Array | typeof Int32Array | typeof Uint8Array {
  switch (dtype) {
    case 'float32': return Float32Array;
    case 'int32': return Int32Array;
    case 'bool': return Uint8Array;
  }
}

export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}
