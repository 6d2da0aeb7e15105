import type { Conv2DInfo, DataArray, DType, KernelName, KernelSpecs, TensorInfo } from '@lamina/api';
import { CpuBackend, createCpuBackend } from '../cpu-backend';

/** Shared test helpers: building inputs, running one kernel, independent reference math. */

export function backend(): CpuBackend {
  return createCpuBackend();
}

export function tensor(be: CpuBackend, values: ArrayLike<number>, shape: number[], dtype: DType = 'float32'): TensorInfo {
  const arr = dtype === 'float32' ? Float32Array.from(values) : dtype === 'int32' ? Int32Array.from(values) : Uint8Array.from(values);
  return { dataId: be.write(arr, shape, dtype), shape, dtype };
}

/**
 * Runs one kernel and returns a copy of its output. Asserts the call created exactly one
 * handle, then disposes it, so every test doubles as a handle-count check.
 */
export function run<K extends KernelName>(
  be: CpuBackend, kernel: K, inputs: KernelSpecs[K]['inputs'], attrs: KernelSpecs[K]['attrs'],
  shape: number[], dtype: DType = 'float32',
): DataArray {
  const before = be.numHandles();
  const impl = be.kernels[kernel] as (i: unknown, a: unknown, o: unknown) => object;
  let id: object;
  try {
    id = impl(inputs, attrs, { shape, dtype });
  } catch (e) {
    expect(be.numHandles()).toBe(before); // a failing kernel leaves nothing behind
    throw e;
  }
  expect(be.numHandles()).toBe(before + 1);
  const values = be.readSync({ dataId: id, shape, dtype }).slice();
  be.dispose(id);
  return values;
}

export type InputSpec = [values: ArrayLike<number>, shape: number[], dtype?: DType];

/** Writes the inputs, runs the kernel (see `run`), and disposes the inputs even if it throws. */
export function apply<K extends KernelName>(
  be: CpuBackend, kernel: K, inputs: InputSpec[], attrs: KernelSpecs[K]['attrs'],
  shape: number[], dtype: DType = 'float32',
): DataArray {
  const infos = inputs.map(([v, s, d]) => tensor(be, v, s, d));
  try {
    return run(be, kernel, infos as KernelSpecs[K]['inputs'], attrs, shape, dtype);
  } finally {
    for (const t of infos) be.dispose(t.dataId);
  }
}

/** Seeded PRNG (mulberry32) so failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randn(n: number, rand: () => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rand() * 2 - 1;
  return out;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Multi-index of flat position i in a row-major shape. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return idx;
}

export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let f = 0;
  for (let d = 0; d < shape.length; d++) f = f * shape[d] + idx[d];
  return f;
}

/** Elementwise |a - b| <= atol + rtol * |b|, with a message naming the first bad index. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, atol = 1e-5, rtol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e)) {
      if (!Number.isNaN(a)) throw new Error(`index ${i}: expected NaN, got ${a}`);
      continue;
    }
    if (a === e) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(`index ${i}: expected ${e}, got ${a} (diff ${Math.abs(a - e)}, atol ${atol}, rtol ${rtol})`);
    }
  }
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export interface ConvSpec {
  batch: number; inH: number; inW: number; inC: number;
  fh: number; fw: number; outC?: number; mult?: number;
  stride?: [number, number]; dilation?: [number, number];
  pad?: { top: number; bottom: number; left: number; right: number };
}

/** Resolves a Conv2DInfo the way the api would ('valid' arithmetic on explicit padding). */
export function convInfo(s: ConvSpec): Conv2DInfo {
  const [sh, sw] = s.stride ?? [1, 1];
  const [dh, dw] = s.dilation ?? [1, 1];
  const pad = s.pad ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const effH = (s.fh - 1) * dh + 1;
  const effW = (s.fw - 1) * dw + 1;
  const mult = s.mult ?? 1;
  return {
    batch: s.batch, inHeight: s.inH, inWidth: s.inW, inChannels: s.inC,
    outHeight: Math.floor((s.inH + pad.top + pad.bottom - effH) / sh) + 1,
    outWidth: Math.floor((s.inW + pad.left + pad.right - effW) / sw) + 1,
    outChannels: s.outC ?? s.inC * mult,
    filterHeight: s.fh, filterWidth: s.fw, strideHeight: sh, strideWidth: sw,
    dilationHeight: dh, dilationWidth: dw, pad, channelMultiplier: mult,
  };
}

export function xShape(c: Conv2DInfo): number[] {
  return [c.batch, c.inHeight, c.inWidth, c.inChannels];
}

export function yShape(c: Conv2DInfo): number[] {
  return [c.batch, c.outHeight, c.outWidth, c.outChannels];
}

/** Input coordinate of output o, tap k, or -1 when it falls in the padding. */
export function inCoord(o: number, k: number, stride: number, pad: number, dil: number, extent: number): number {
  const i = o * stride - pad + k * dil;
  return i >= 0 && i < extent ? i : -1;
}
