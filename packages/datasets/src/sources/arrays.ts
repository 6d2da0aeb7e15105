import { Dataset } from '../pipeline/dataset';
import {
  ArrayTensor,
  TensorLike,
  formatShape,
  fromTensorLike,
  isArrayTensor,
  isTensorLike,
  sizeOfShape,
} from '../types';

type Rows<S> = { -readonly [K in keyof S]: ArrayTensor };

/** Row `i` of a tensor along axis 0, as a copy (a rank-1 tensor gives a scalar of shape []). */
export function rowOf(tensor: ArrayTensor, i: number): ArrayTensor {
  const rowShape = tensor.shape.slice(1);
  const size = sizeOfShape(rowShape);
  return { data: tensor.data.slice(i * size, (i + 1) * size), shape: rowShape };
}

function checkTensor(op: string, name: string, t: ArrayTensor): void {
  if (t.shape.length === 0) {
    throw new Error(`${op}: ${name} is a scalar (shape []); it needs a leading axis to split into elements.`);
  }
  if (t.data.length !== sizeOfShape(t.shape)) {
    throw new Error(`${op}: ${name} has shape ${formatShape(t.shape)} but ${t.data.length} values.`);
  }
}

/** Splits a record/tuple of tensors along axis 0 into one element per row. */
function splitAlongAxis0(op: string, parts: [string, ArrayTensor][], build: (rows: ArrayTensor[]) => unknown): Dataset<unknown> {
  parts.forEach(([name, t]) => checkTensor(op, name, t));
  const n = parts[0][1].shape[0];
  for (const [name, t] of parts) {
    if (t.shape[0] !== n) {
      throw new Error(
        `${op}: ${name} has ${t.shape[0]} rows (shape ${formatShape(t.shape)}) but ${parts[0][0]} has ${n} ` +
          `(shape ${formatShape(parts[0][1].shape)}); all tensors must have the same length along axis 0.`,
      );
    }
  }
  return new Dataset(async function* rows() {
    for (let i = 0; i < n; i++) yield build(parts.map(([, t]) => rowOf(t, i)));
  });
}

/**
 * A dataset from data in memory:
 * - an array of elements: one element each, as given;
 * - an ArrayTensor: one row (along axis 0) each;
 * - an object of ArrayTensors, e.g. `{ xs, ys }`: one `{ xs: row, ys: row }` each.
 */
export function fromArrays<T>(elements: readonly T[]): Dataset<T>;
export function fromArrays(tensor: ArrayTensor): Dataset<ArrayTensor>;
export function fromArrays<S extends Record<string, ArrayTensor>>(tensors: S): Dataset<Rows<S>>;
export function fromArrays(source: unknown): Dataset<unknown> {
  if (Array.isArray(source)) {
    const elements = source as unknown[];
    return new Dataset(async function* items() {
      yield* elements;
    });
  }
  if (isArrayTensor(source)) return splitAlongAxis0('fromArrays', [['tensor', source]], (rows) => rows[0]);
  if (typeof source === 'object' && source !== null) {
    const entries = Object.entries(source);
    if (entries.length === 0) throw new Error('fromArrays: the object has no fields; pass e.g. { xs, ys }.');
    for (const [k, v] of entries) {
      if (!isArrayTensor(v)) {
        throw new Error(
          `fromArrays: field '${k}' is not an ArrayTensor ({ data, shape }); for tensors use fromTensors, ` +
            'for lists of elements pass an array.',
        );
      }
    }
    const keys = entries.map(([k]) => k);
    return splitAlongAxis0('fromArrays', entries as [string, ArrayTensor][], (rows) =>
      Object.fromEntries(keys.map((k, i) => [k, rows[i]])),
    );
  }
  throw new Error(`fromArrays: expected an array of elements, an ArrayTensor, or an object of ArrayTensors; got ${typeof source}.`);
}

type TensorSource = TensorLike | ArrayTensor;

function toArrayTensor(op: string, name: string, t: unknown): ArrayTensor {
  if (isArrayTensor(t)) return t;
  if (isTensorLike(t)) return fromTensorLike(t);
  throw new Error(`${op}: ${name} is not a tensor (needs shape and dataSync(), or data and shape).`);
}

/**
 * A dataset from tensors (anything with `shape` and `dataSync()`, such as the api's Tensor,
 * or ArrayTensors), split along axis 0: one tensor, a tuple `[xs, ys]`, or an object `{ xs, ys }`.
 * The values are read once, when this is called.
 */
export function fromTensors(tensor: TensorSource): Dataset<ArrayTensor>;
export function fromTensors<S extends readonly TensorSource[]>(tensors: S): Dataset<Rows<S>>;
export function fromTensors<S extends Record<string, TensorSource>>(tensors: S): Dataset<Rows<S>>;
export function fromTensors(source: unknown): Dataset<unknown> {
  if (isArrayTensor(source) || isTensorLike(source)) {
    return splitAlongAxis0('fromTensors', [['tensor', toArrayTensor('fromTensors', 'tensor', source)]], (r) => r[0]);
  }
  if (Array.isArray(source)) {
    if (source.length === 0) throw new Error('fromTensors: the tuple is empty; pass e.g. [xs, ys].');
    const parts = source.map((t, i): [string, ArrayTensor] => [`tensor ${i}`, toArrayTensor('fromTensors', `tensor ${i}`, t)]);
    return splitAlongAxis0('fromTensors', parts, (rows) => rows);
  }
  if (typeof source === 'object' && source !== null) {
    const entries = Object.entries(source);
    if (entries.length === 0) throw new Error('fromTensors: the object has no fields; pass e.g. { xs, ys }.');
    const parts = entries.map(([k, t]): [string, ArrayTensor] => [k, toArrayTensor('fromTensors', `field '${k}'`, t)]);
    const keys = entries.map(([k]) => k);
    return splitAlongAxis0('fromTensors', parts, (rows) => Object.fromEntries(keys.map((k, i) => [k, rows[i]])));
  }
  throw new Error(`fromTensors: expected a tensor, a tuple or an object of tensors; got ${typeof source}.`);
}
