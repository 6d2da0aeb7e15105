import { Tensor } from '../../tensor/tensor';
import { makeTensor, tensor } from '../../tensor/create';
import type { NestedArray } from '../../tensor/tensor';
import type { DataArray } from '../../backend/types';
import { fmtShape } from '../../util/shape';

/** A plain array tensor as the datasets package emits: `{ data: TypedArray, shape }`. */
export interface ArrayTensorLike { data: Float32Array | Int32Array | Uint8Array; shape: number[] }

/** One input's or target's data: a Tensor, an array tensor or plain nested numbers. */
export type DataValue = Tensor | ArrayTensorLike | NestedArray | Float32Array | Int32Array;
/** All inputs (or targets): one value, a list in model order, or a map by name. */
export type ModelData = DataValue | DataValue[] | Record<string, DataValue>;

const isArrayTensor = (v: unknown): v is ArrayTensorLike =>
  typeof v === 'object' && v !== null && !(v instanceof Tensor) && 'data' in v && 'shape' in v && ArrayBuffer.isView((v as ArrayTensorLike).data);

/** Tensors in model order; `owned` are the ones converted here, which the caller disposes. */
export interface TensorList { tensors: Tensor[]; owned: Tensor[] }

function toTensor(v: DataValue, owned: Tensor[], where: string): Tensor {
  if (v instanceof Tensor) {
    v.assertAlive(where);
    return v;
  }
  let t: Tensor;
  if (isArrayTensor(v)) {
    // uint8 (image bytes, labels) computes as float32; losses cast labels as they need
    const data: DataArray = v.data instanceof Uint8Array ? Float32Array.from(v.data) : v.data;
    t = makeTensor(data, v.shape, data instanceof Int32Array ? 'int32' : 'float32');
  } else {
    t = tensor(v as NestedArray);
  }
  owned.push(t);
  return t;
}

const isDataValue = (v: unknown): boolean =>
  v instanceof Tensor || isArrayTensor(v) || ArrayBuffer.isView(v) || Array.isArray(v) || typeof v === 'number';

/**
 * Normalise x or y for a model with `names` inputs/outputs. A plain array is a list of
 * per-input values when the model has several inputs and the array has that many entries
 * (or holds tensors); otherwise it is one input's nested numbers.
 */
export function toTensorList(data: ModelData, names: string[], what: string, where: string): TensorList {
  const owned: Tensor[] = [];
  try {
    let values: DataValue[];
    if (Array.isArray(data) && (data.every((d) => d instanceof Tensor || isArrayTensor(d)) && data.length > 0
      ? true : names.length > 1 && data.length === names.length && data.every((d) => Array.isArray(d) || ArrayBuffer.isView(d)))) {
      values = data as DataValue[];
    } else if (isDataValue(data)) {
      values = [data as DataValue];
    } else if (typeof data === 'object' && data !== null) {
      const map = data as Record<string, DataValue>;
      const extra = Object.keys(map).filter((k) => !names.includes(k));
      if (extra.length) throw new Error(`${where}: ${what} names ${extra.map((e) => `'${e}'`).join(', ')}, which the model does not have; its ${what === 'x' ? 'inputs' : 'outputs'} are ${names.join(', ')}.`);
      values = names.map((n) => {
        if (!(n in map)) throw new Error(`${where}: ${what} has no entry for '${n}'. Give one for each of ${names.join(', ')}.`);
        return map[n]!;
      });
    } else {
      throw new Error(`${where}: ${what} must be a Tensor, an array, or a map by name; got ${data === null ? 'null' : typeof data}.`);
    }
    if (values.length !== names.length) {
      throw new Error(`${where}: the model has ${names.length} ${what === 'x' ? 'inputs' : 'outputs'} (${names.join(', ')}) but ${what} holds ${values.length} arrays. Pass one per ${what === 'x' ? 'input' : 'output'}, in order or as a map by name.`);
    }
    return { tensors: values.map((v) => toTensor(v, owned, where)), owned };
  } catch (e) {
    for (const t of owned) t.dispose();
    throw e;
  }
}

/** Check ranks and fixed dimensions against the model's declared shapes. */
export function checkShapes(tensors: Tensor[], shapes: Array<Array<number | null>>, names: string[], what: string, where: string): void {
  tensors.forEach((t, i) => {
    const s = shapes[i];
    if (!s) return;
    const ok = t.rank === s.length && s.every((d, j) => d === null || d === t.shape[j]);
    if (!ok && what === 'x') {
      throw new Error(`${where}: input '${names[i]}' expects shape ${fmtShape(s)} but got ${fmtShape(t.shape)}. Reshape the data to match the model's input.`);
    }
  });
}

/** The common number of samples (first dimension) of all arrays. */
export function sampleCount(groups: Array<{ what: string; tensors: Tensor[] }>, where: string): number {
  let n: number | undefined;
  const seen: string[] = [];
  for (const { what, tensors } of groups) {
    for (const t of tensors) {
      if (t.rank === 0) throw new Error(`${where}: ${what} has a scalar; arrays need a first (sample) dimension.`);
      seen.push(`${what} ${fmtShape(t.shape)}`);
      if (n === undefined) n = t.shape[0];
      else if (t.shape[0] !== n) {
        throw new Error(`${where}: all arrays need the same number of samples, but got ${seen.join(', ')}. Make x and y hold the same samples.`);
      }
    }
  }
  return n ?? 0;
}
