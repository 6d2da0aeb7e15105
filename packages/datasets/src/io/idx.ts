import * as fs from 'fs';
import * as zlib from 'zlib';
import { ArrayTensor } from '../types';

// IDX (the MNIST format): big-endian magic 0x0000 <type> <rank>, then `rank` big-endian
// int32 dimensions, then the values row-major (big-endian for multi-byte types).
const TYPE_UINT8 = 0x08;
const TYPE_INT32 = 0x0c;
const TYPE_FLOAT32 = 0x0d;

/** Parses IDX bytes. uint8 data is a view into `bytes` (no copy). */
export function parseIdx(bytes: Uint8Array, source: string): ArrayTensor {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`parseIdx: ${source} is not an IDX file (its first two bytes are not 0x0000).`);
  }
  const type = bytes[2];
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) throw new Error(`parseIdx: ${source} ends inside its header (${bytes.length} bytes).`);
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(view.getInt32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const bytesPer = type === TYPE_UINT8 ? 1 : type === TYPE_INT32 || type === TYPE_FLOAT32 ? 4 : 0;
  if (bytesPer === 0) {
    throw new Error(`parseIdx: ${source} has IDX type 0x${type.toString(16)}; only uint8 (0x08), int32 (0x0c) and float32 (0x0d) are supported.`);
  }
  const expected = headerBytes + count * bytesPer;
  if (bytes.length !== expected) {
    throw new Error(
      `parseIdx: ${source} has shape [${shape.join(',')}], which needs ${expected} bytes, but it holds ${bytes.length}; ` +
        'the file is truncated or corrupt (delete it to download it again).',
    );
  }
  if (type === TYPE_UINT8) return { data: bytes.subarray(headerBytes, expected), shape };
  const data = type === TYPE_INT32 ? new Int32Array(count) : new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const at = headerBytes + 4 * i;
    data[i] = type === TYPE_INT32 ? view.getInt32(at, false) : view.getFloat32(at, false);
  }
  return { data, shape };
}

/** Reads a (gzipped, when the name ends in .gz) IDX file. */
export function readIdxFile(file: string): ArrayTensor {
  const raw = fs.readFileSync(file);
  const bytes = file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw;
  return parseIdx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
}

/** Encodes a tensor as IDX bytes (used to make test fixtures and by anyone exporting data). */
export function encodeIdx(tensor: ArrayTensor): Buffer {
  const type = tensor.data instanceof Uint8Array ? TYPE_UINT8 : tensor.data instanceof Int32Array ? TYPE_INT32 : TYPE_FLOAT32;
  const bytesPer = type === TYPE_UINT8 ? 1 : 4;
  const out = Buffer.alloc(4 + 4 * tensor.shape.length + tensor.data.length * bytesPer);
  out[2] = type;
  out[3] = tensor.shape.length;
  tensor.shape.forEach((d, i) => out.writeInt32BE(d, 4 + 4 * i));
  const start = 4 + 4 * tensor.shape.length;
  for (let i = 0; i < tensor.data.length; i++) {
    if (type === TYPE_UINT8) out[start + i] = tensor.data[i];
    else if (type === TYPE_INT32) out.writeInt32BE(tensor.data[i], start + 4 * i);
    else out.writeFloatBE(tensor.data[i], start + 4 * i);
  }
  return out;
}
