import { PyBytes, PyCall, PyGlobal, unpickle } from './pickle';

/** A numpy array read from .npy: numeric values, or (dtype object) a list of Python values. */
export interface NpyArray {
  descr: string;
  shape: number[];
  /** Numeric arrays: the values, row-major. Object arrays: each element converted to JS. */
  values: ArrayLike<number> | unknown[];
}

function parseHeader(header: string, source: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new Error(`readNpy: ${source} has a header this reader cannot parse: ${header.trim()}`);
  }
  return {
    descr,
    fortran: fortran === 'True',
    shape: shape
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number),
  };
}

/** Numeric values from raw bytes for the dtypes numpy writes ('<i8', '|u1', '<f4', ...). */
export function decodeNumeric(bytes: Uint8Array, descr: string, count: number, source: string): ArrayLike<number> {
  const little = descr[0] !== '>';
  const kind = descr.slice(1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = Number(kind.slice(1));
  if (bytes.length < count * size) {
    throw new Error(`readNpy: ${source}: ${count} values of ${descr} need ${count * size} bytes, found ${bytes.length}.`);
  }
  const read: ((at: number) => number) | undefined = {
    u1: (at: number) => view.getUint8(at),
    i1: (at: number) => view.getInt8(at),
    b1: (at: number) => view.getUint8(at),
    u2: (at: number) => view.getUint16(at, little),
    i2: (at: number) => view.getInt16(at, little),
    u4: (at: number) => view.getUint32(at, little),
    i4: (at: number) => view.getInt32(at, little),
    i8: (at: number) => Number(view.getBigInt64(at, little)),
    u8: (at: number) => Number(view.getBigUint64(at, little)),
    f4: (at: number) => view.getFloat32(at, little),
    f8: (at: number) => view.getFloat64(at, little),
  }[kind];
  if (read === undefined) throw new Error(`readNpy: ${source}: dtype ${descr} is not supported.`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = read(i * size);
  return out;
}

function isReconstruct(v: unknown): v is PyCall {
  return v instanceof PyCall && v.callable.name === '_reconstruct' && v.callable.module.startsWith('numpy');
}

/** Converts what unpickle built (lists, numbers, numpy arrays) into plain JS values. */
function toJs(value: unknown, source: string): unknown {
  if (Array.isArray(value)) return value.map((v) => toJs(v, source));
  if (typeof value === 'bigint') return Number(value);
  if (isReconstruct(value)) return ndarrayToJs(value, source);
  if (value instanceof PyCall) {
    // numpy scalars (numpy.core.multiarray.scalar(dtype, bytes)) appear in some lists.
    if (value.callable.name === 'scalar' && value.args[0] instanceof PyCall && value.args[1] instanceof PyBytes) {
      return decodeNumeric(value.args[1].bytes, dtypeDescr(value.args[0]), 1, source)[0];
    }
    throw new Error(`readNpy: ${source}: the pickle holds a ${value.callable.qualified} object, which this reader does not support.`);
  }
  if (value instanceof PyBytes) return value.toString();
  if (value instanceof PyGlobal) throw new Error(`readNpy: ${source}: unexpected bare global ${value.qualified}.`);
  return value;
}

function dtypeDescr(dtype: PyCall): string {
  // numpy.dtype('i8', False, True) with BUILD state (version, byteorder, ...).
  const name = String(dtype.args[0] instanceof PyBytes ? dtype.args[0].toString() : dtype.args[0]);
  const state = dtype.state as unknown[] | undefined;
  const order = state && state[1] !== undefined ? String(state[1] instanceof PyBytes ? state[1].toString() : state[1]) : '|';
  const byteOrder = order === '=' ? '<' : order;
  return `${byteOrder}${name}`;
}

function ndarrayToJs(array: PyCall, source: string): unknown[] | ArrayLike<number> {
  const state = array.state as unknown[];
  if (!Array.isArray(state) || state.length < 5) throw new Error(`readNpy: ${source}: unexpected ndarray state.`);
  const shape = (state[1] as unknown[]).map(Number);
  const dtype = state[2] as PyCall;
  const raw = state[4];
  const count = shape.reduce((a, b) => a * b, 1);
  if (Array.isArray(raw)) return raw.map((v) => toJs(v, source));
  const bytes = raw instanceof PyBytes ? raw.bytes : fail();
  return decodeNumeric(bytes, dtypeDescr(dtype), count, source);

  function fail(): never {
    throw new Error(`readNpy: ${source}: ndarray data of an unexpected kind.`);
  }
}

/** Reads one .npy file (format versions 1 to 3). Object arrays are unpickled safely. */
export function readNpy(buf: Buffer, source: string): NpyArray {
  if (buf.length < 10 || buf[0] !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') {
    throw new Error(`readNpy: ${source} is not a .npy file (no \\x93NUMPY magic).`);
  }
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = parseHeader(buf.toString('latin1', start, start + headerLen), source);
  const body = buf.subarray(start + headerLen);
  const count = header.shape.reduce((a, b) => a * b, 1);
  if (header.fortran && header.shape.length > 1) {
    throw new Error(`readNpy: ${source} is in Fortran order; only C order is supported.`);
  }
  if (header.descr === '|O' || header.descr === '<O' || header.descr === '>O') {
    const obj = unpickle(body, source);
    const values = toJs(obj, source);
    if (!Array.isArray(values)) throw new Error(`readNpy: ${source}: the pickled object array did not hold a list.`);
    return { descr: header.descr, shape: header.shape, values };
  }
  return { descr: header.descr, shape: header.shape, values: decodeNumeric(body, header.descr, count, source) };
}
