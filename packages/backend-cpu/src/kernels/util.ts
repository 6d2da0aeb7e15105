import type { DataArray, DType, Shape } from '@lamina/api';

/** Small helpers shared by the kernels. Kept here so kernels import only types from the api. */

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C order) strides of a shape, in elements. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** A zero-filled typed array of the dtype (`bool` is 0/1 bytes). */
export function alloc(dtype: DType, n: number): DataArray {
  switch (dtype) {
    case 'float32': return new Float32Array(n);
    case 'int32': return new Int32Array(n);
    case 'bool': return new Uint8Array(n);
  }
}

/** A zero-filled array of the same typed-array kind as `x`, `n` elements long (default: as long). */
export function allocLike(x: DataArray, n = x.length): DataArray {
  if (x instanceof Float32Array) return new Float32Array(n);
  if (x instanceof Int32Array) return new Int32Array(n);
  return new Uint8Array(n);
}

/** The input as a Float32Array, converting (copying) only when it is stored as another type. */
export function asFloat32(x: DataArray): Float32Array {
  return x instanceof Float32Array ? x : Float32Array.from(x);
}

export function shapeStr(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}
