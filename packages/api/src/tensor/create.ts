import type { DataArray, DType, Shape } from '../backend/types';
import { arrayTypeFor } from '../backend/types';
import { ENGINE } from '../engine/engine';
import { fmtShape, sizeOf } from '../util/shape';
import { randomFor } from '../util/random';
import { Tensor } from './tensor';

export type TensorLike = Tensor | number | boolean | DataArray | NestedInput;
type NestedInput = number | boolean | readonly NestedInput[];

function inferShape(values: unknown): number[] {
  const shape: number[] = [];
  let v = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

function flatten(values: unknown, shape: number[], out: number[], depth = 0, path = ''): void {
  if (depth === shape.length) {
    if (Array.isArray(values)) throw new Error(`tensor(): ragged nested array at ${path || 'the top'}: expected a number, got an array.`);
    if (typeof values !== 'number' && typeof values !== 'boolean') {
      throw new Error(`tensor(): element ${path} is ${typeof values}; expected a number or boolean.`);
    }
    out.push(Number(values));
    return;
  }
  if (!Array.isArray(values) || values.length !== shape[depth]) {
    throw new Error(
      `tensor(): ragged nested array at ${path || 'the top'}: expected ${shape[depth]} elements like the first row, ` +
        `got ${Array.isArray(values) ? values.length : typeof values}.`,
    );
  }
  values.forEach((x, i) => flatten(x, shape, out, depth + 1, `${path}[${i}]`));
}

function dtypeOf(values: unknown): DType {
  if (values instanceof Int32Array) return 'int32';
  if (values instanceof Uint8Array) return 'bool';
  let v = values;
  while (Array.isArray(v)) v = v[0];
  return typeof v === 'boolean' ? 'bool' : 'float32';
}

/** Wrap already-typed values (copied by the backend). */
export function makeTensor(values: DataArray, shape: Shape, dtype: DType): Tensor {
  const n = sizeOf(shape);
  if (values.length !== n) {
    throw new Error(`tensor(): ${values.length} values do not fill shape ${fmtShape(shape)} (needs ${n}).`);
  }
  const Ctor = arrayTypeFor(dtype);
  const typed = values instanceof Ctor ? values : Ctor.from(values as ArrayLike<number>);
  const backend = ENGINE.backend();
  return new Tensor(backend.write(typed, shape, dtype), shape, dtype, backend);
}

/** Create a tensor from numbers, nested arrays or a typed array. */
export function tensor(values: Exclude<TensorLike, Tensor>, shape?: Shape, dtype?: DType): Tensor {
  const dt = dtype ?? dtypeOf(values);
  if (ArrayBuffer.isView(values)) {
    return makeTensor(values as DataArray, shape ?? [values.length], dt);
  }
  const inferred = inferShape(values);
  const flat: number[] = [];
  flatten(values, inferred, flat);
  const target = shape ?? inferred;
  if (shape && sizeOf(shape) !== flat.length) {
    if (flat.length === 1 && inferred.length === 0) return fill(shape, flat[0]!, dt);
    throw new Error(`tensor(): ${flat.length} values do not fill shape ${fmtShape(shape)} (needs ${sizeOf(shape)}).`);
  }
  return makeTensor(arrayTypeFor(dt).from(flat), target, dt);
}

export function scalar(value: number | boolean, dtype?: DType): Tensor {
  return tensor(value, [], dtype);
}

export function tensor1d(values: readonly number[] | DataArray, dtype?: DType): Tensor {
  return tensor(values as NestedInput, [values.length], dtype);
}

export function fill(shape: Shape, value: number, dtype: DType = 'float32'): Tensor {
  const data = new (arrayTypeFor(dtype))(sizeOf(shape));
  data.fill(value);
  return makeTensor(data, shape, dtype);
}

export function zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
  return fill(shape, 0, dtype);
}

export function ones(shape: Shape, dtype: DType = 'float32'): Tensor {
  return fill(shape, 1, dtype);
}

export function zerosLike(x: Tensor): Tensor {
  return zeros(x.shape, x.dtype);
}

export function onesLike(x: Tensor): Tensor {
  return ones(x.shape, x.dtype);
}

/** [start, stop) in steps of `step`, like tf.range. */
export function range(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new Error('range(): step must not be 0.');
  const n = Math.max(Math.ceil((stop - start) / step), 0);
  const data = new (arrayTypeFor(dtype))(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return makeTensor(data, [n], dtype);
}

export function linspace(start: number, stop: number, num: number): Tensor {
  const data = new Float32Array(num);
  for (let i = 0; i < num; i++) data[i] = num === 1 ? start : start + ((stop - start) * i) / (num - 1);
  return makeTensor(data, [num], 'float32');
}

export function eye(n: number, m = n, dtype: DType = 'float32'): Tensor {
  const data = new (arrayTypeFor(dtype))(n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return makeTensor(data, [n, m], dtype);
}

function randomTensor(shape: Shape, dtype: DType, gen: () => number): Tensor {
  const data = new (arrayTypeFor(dtype))(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = gen();
  return makeTensor(data, shape, dtype);
}

export function randomUniform(shape: Shape, minval = 0, maxval = 1, dtype: DType = 'float32', seed?: number): Tensor {
  const r = randomFor(seed);
  return randomTensor(shape, dtype, dtype === 'int32' ? () => Math.floor(r.uniform(minval, maxval)) : () => r.uniform(minval, maxval));
}

export function randomNormal(shape: Shape, mean = 0, stdDev = 1, dtype: DType = 'float32', seed?: number): Tensor {
  const r = randomFor(seed);
  return randomTensor(shape, dtype, () => mean + stdDev * r.normal());
}

/** Normal values redrawn until within two standard deviations of the mean. */
export function truncatedNormal(shape: Shape, mean = 0, stdDev = 1, dtype: DType = 'float32', seed?: number): Tensor {
  const r = randomFor(seed);
  return randomTensor(shape, dtype, () => {
    let v: number;
    do v = r.normal(); while (Math.abs(v) > 2);
    return mean + stdDev * v;
  });
}
