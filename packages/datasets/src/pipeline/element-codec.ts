import { DType, TypedArray, allocate, dtypeOf, isArrayTensor, isTypedArray } from '../types';

// One dataset element as one line of JSON, for the on-disk cache. Typed arrays go as base64
// of their bytes; NaN and the infinities, which JSON cannot hold, as tagged strings.

const TENSOR = '$lamina.tensor';
const TYPED = '$lamina.typed';
const NUMBER = '$lamina.number';

function bytesOf(data: TypedArray): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

function typedFrom(dtype: DType, base64: string): TypedArray {
  const bytes = Buffer.from(base64, 'base64');
  const bytesPer = dtype === 'uint8' ? 1 : 4;
  const out = allocate(dtype, bytes.length / bytesPer);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

function encodeValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [NUMBER]: String(value) };
  if (isArrayTensor(value)) return { [TENSOR]: dtypeOf(value.data), shape: value.shape, bytes: bytesOf(value.data) };
  if (isTypedArray(value)) return { [TYPED]: dtypeOf(value), bytes: bytesOf(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
    return out;
  }
  if (value === undefined) return null;
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (typeof v[TENSOR] === 'string') {
      return { data: typedFrom(v[TENSOR] as DType, v.bytes as string), shape: v.shape as number[] };
    }
    if (typeof v[TYPED] === 'string') return typedFrom(v[TYPED] as DType, v.bytes as string);
    if (typeof v[NUMBER] === 'string') return Number(v[NUMBER]);
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = decodeValue(item);
    return out;
  }
  return value;
}

export function encodeElement(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

export function decodeElement<T>(line: string): T {
  return decodeValue(JSON.parse(line)) as T;
}
