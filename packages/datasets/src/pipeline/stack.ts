import {
  ArrayTensor,
  DType,
  TypedArray,
  allocate,
  dtypeOf,
  formatShape,
  isArrayTensor,
  isTypedArray,
  sizeOfShape,
} from '../types';

/**
 * Batching rules (see README):
 * - number                      -> ArrayTensor float32 of shape [n]
 * - ArrayTensor                 -> ArrayTensor of the same dtype, shape [n, ...shape]
 * - typed array                 -> as a rank-1 ArrayTensor of its dtype
 * - number[] / nested number[]  -> ArrayTensor float32, shape [n, ...nestedShape]
 * - other arrays (tuples)       -> arrays batched position by position
 * - plain objects               -> objects batched field by field
 */
export type Batched<T> = T extends number
  ? ArrayTensor
  : T extends ArrayTensor | TypedArray | readonly number[] | readonly (readonly number[])[]
    ? ArrayTensor
    : T extends readonly unknown[]
      ? { [K in keyof T]: Batched<T[K]> }
      : T extends object
        ? { [K in keyof T]: Batched<T[K]> }
        : never;

/** What `unbatch` yields for a batched element: tensors come back one row at a time. */
export type Unbatched<T> = T extends ArrayTensor
  ? ArrayTensor
  : T extends readonly unknown[]
    ? { [K in keyof T]: Unbatched<T[K]> }
    : T extends object
      ? { [K in keyof T]: Unbatched<T[K]> }
      : never;

type Kind = 'number' | 'tensor' | 'typed' | 'nested' | 'tuple' | 'object';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True for a (possibly nested) array whose leaves are all numbers. */
function isNumericNested(value: unknown[]): boolean {
  if (value.length === 0) return true;
  if (value.every((v) => typeof v === 'number')) return true;
  return value.every((v) => Array.isArray(v) && isNumericNested(v));
}

function kindOf(value: unknown, where: string): Kind {
  if (typeof value === 'number') return 'number';
  if (isArrayTensor(value)) return 'tensor';
  if (isTypedArray(value)) return 'typed';
  if (Array.isArray(value)) return isNumericNested(value) ? 'nested' : 'tuple';
  if (typeof value === 'object' && value !== null) return 'object';
  throw new Error(
    `batch: cannot batch a ${describe(value)}${fieldLabel(where)}. Elements must be numbers, ArrayTensors, ` +
      'typed arrays, (nested) number arrays, or arrays/objects of those; map other values to numbers first.',
  );
}

function nestedShape(value: unknown[], where: string, index: number): number[] {
  const shape: number[] = [value.length];
  let level: unknown = value[0];
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  // Check it is rectangular while counting the leaves.
  const check = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number') throw new Error(`batch: element ${index}${fieldLabel(where)} is a ragged nested array.`);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new Error(
        `batch: element ${index}${fieldLabel(where)} is a ragged nested array (expected length ${shape[depth]} at depth ${depth}); ` +
          'every row must have the same length.',
      );
    }
    for (const item of v) check(item, depth + 1);
  };
  check(value, 0);
  return shape;
}

function writeNested(value: unknown, out: Float32Array, offset: number): number {
  if (typeof value === 'number') {
    out[offset] = value;
    return offset + 1;
  }
  for (const item of value as unknown[]) offset = writeNested(item, out, offset);
  return offset;
}

/** ' (field xs)' for a path like '.xs', '' at the top level. */
function fieldLabel(where: string): string {
  return where === '' ? '' : ` (field ${where.replace(/^\./, '')})`;
}

function stackTensors(items: { data: TypedArray; shape: number[] }[], where: string): ArrayTensor {
  const first = items[0];
  const dtype: DType = dtypeOf(first.data);
  const size = sizeOfShape(first.shape);
  const out = allocate(dtype, size * items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.shape.length !== first.shape.length || item.shape.some((d, k) => d !== first.shape[k])) {
      throw new Error(
        `batch: element ${i}${fieldLabel(where)} has shape ${formatShape(item.shape)} but element 0 has shape ` +
          `${formatShape(first.shape)}; every element in a batch must have the same shape (resize or pad them first).`,
      );
    }
    if (dtypeOf(item.data) !== dtype) {
      throw new Error(
        `batch: element ${i}${fieldLabel(where)} has dtype ${dtypeOf(item.data)} but element 0 has dtype ${dtype}; ` +
          'convert them to one dtype first.',
      );
    }
    out.set(item.data, i * size);
  }
  return { data: out, shape: [items.length, ...first.shape] };
}

/** Stacks a list of like-structured elements into one batched element. */
export function stackElements<T>(elements: readonly T[]): Batched<T> {
  if (elements.length === 0) throw new Error('batch: cannot stack an empty list of elements.');
  return stackAt(elements as readonly unknown[], '') as Batched<T>;
}

function stackAt(elements: readonly unknown[], where: string): unknown {
  const kind = kindOf(elements[0], where);
  for (let i = 1; i < elements.length; i++) {
    const k = kindOf(elements[i], where);
    const compatible = k === kind || (isNumericKind(k) && isNumericKind(kind) && k !== 'number' && kind !== 'number');
    if (!compatible) {
      throw new Error(
        `batch: element ${i}${fieldLabel(where)} is a ${k} but element 0 is a ${kind}; all elements must have the same structure.`,
      );
    }
  }
  switch (kind) {
    case 'number': {
      const out = new Float32Array(elements.length);
      elements.forEach((v, i) => (out[i] = v as number));
      return { data: out, shape: [elements.length] };
    }
    case 'tensor':
    case 'typed':
    case 'nested':
      return stackTensors(
        elements.map((v, i) => asTensor(v, where, i)),
        where,
      );
    case 'tuple': {
      const first = elements[0] as unknown[];
      elements.forEach((v, i) => {
        const len = (v as unknown[]).length;
        if (len !== first.length) {
          throw new Error(
            `batch: element ${i}${fieldLabel(where)} is a tuple of length ${len} but element 0 has length ${first.length}.`,
          );
        }
      });
      return first.map((_, p) => stackAt(elements.map((v) => (v as unknown[])[p]), `${where}[${p}]`));
    }
    case 'object': {
      const keys = Object.keys(elements[0] as object);
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        out[key] = stackAt(
          elements.map((v, i) => {
            if (!(key in (v as object))) {
              throw new Error(`batch: element ${i}${fieldLabel(where)} has no field '${key}' but element 0 has it.`);
            }
            return (v as Record<string, unknown>)[key];
          }),
          `${where}.${key}`,
        );
      }
      return out;
    }
  }
}

function isNumericKind(k: Kind): boolean {
  return k === 'tensor' || k === 'typed' || k === 'nested' || k === 'number';
}

function asTensor(value: unknown, where: string, index: number): { data: TypedArray; shape: number[] } {
  if (isArrayTensor(value)) return value;
  if (isTypedArray(value)) return { data: value, shape: [value.length] };
  const shape = nestedShape(value as unknown[], where, index);
  const out = new Float32Array(sizeOfShape(shape));
  writeNested(value, out, 0);
  return { data: out, shape };
}

/** Splits a batched element back into its rows (tensors of rank 1 give scalar tensors of shape []). */
export function unstackElement<T>(batched: T): Unbatched<T>[] {
  const n = leadingSize(batched, '');
  const rows: Unbatched<T>[] = [];
  for (let i = 0; i < n; i++) rows.push(rowAt(batched, i) as Unbatched<T>);
  return rows;
}

function leadingSize(value: unknown, where: string): number {
  if (isArrayTensor(value)) {
    if (value.shape.length === 0) throw new Error(`unbatch: the tensor${fieldLabel(where)} is a scalar; it has no batch dimension.`);
    return value.shape[0];
  }
  const parts = Array.isArray(value)
    ? value.map((v, i) => [`${where}[${i}]`, v] as const)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([k, v]) => [`${where}.${k}`, v] as const)
      : null;
  if (parts === null || parts.length === 0) {
    throw new Error(`unbatch: expected a batched element (ArrayTensor, or array/object of them), got ${describe(value)}${fieldLabel(where)}.`);
  }
  let n = -1;
  let firstWhere = '';
  for (const [w, v] of parts) {
    const m = leadingSize(v, w);
    if (n === -1) {
      n = m;
      firstWhere = w;
    } else if (m !== n) {
      throw new Error(`unbatch: field ${w.replace(/^\./, '')} has batch size ${m} but field ${firstWhere.replace(/^\./, '')} has ${n}; all parts must share the batch size.`);
    }
  }
  return n;
}

function rowAt(value: unknown, i: number): unknown {
  if (isArrayTensor(value)) {
    const rowShape = value.shape.slice(1);
    const size = sizeOfShape(rowShape);
    return { data: value.data.slice(i * size, (i + 1) * size), shape: rowShape };
  }
  if (Array.isArray(value)) return value.map((v) => rowAt(v, i));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object)) out[k] = rowAt(v, i);
  return out;
}
