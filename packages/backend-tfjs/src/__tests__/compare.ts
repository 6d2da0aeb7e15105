import * as tf from '@tensorflow/tfjs-core';
import type { Backend, Conv2DInfo, DataArray, DType, KernelName, KernelSpecs, Padding2D, TensorInfo } from '@lamina/api';
import { createCpuBackend } from '@lamina/backend-cpu';
import { createTfjsBackendAsync, type TfjsBackend } from '../tfjs-backend';
import type { EngineName } from '../engines';

/** Runs kernels on backend-tfjs and backend-cpu with the same inputs and compares the outputs. */

export type InputSpec = [values: ArrayLike<number>, shape: number[], dtype?: DType];

export function rand(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return lo + ((s / 2 ** 32) * (hi - lo));
  });
}

export const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);

function write(be: Backend, [v, shape, dtype = 'float32']: InputSpec): TensorInfo {
  const arr = dtype === 'float32' ? Float32Array.from(v) : dtype === 'int32' ? Int32Array.from(v) : Uint8Array.from(v);
  return { dataId: be.write(arr, shape, dtype), shape, dtype };
}

/** One kernel call on `be`; checks it adds exactly one handle, and frees everything it wrote. */
export function runOn<K extends KernelName>(
  be: Backend, kernel: K, inputs: InputSpec[], attrs: KernelSpecs[K]['attrs'], out: { shape: number[]; dtype: DType },
): DataArray {
  const infos = inputs.map((i) => write(be, i));
  const before = be.numHandles();
  const id = (be.kernels[kernel] as (i: unknown, a: unknown, o: unknown) => object)(infos, attrs, out);
  expect(be.numHandles()).toBe(before + 1);
  const values = be.readSync({ dataId: id, shape: out.shape, dtype: out.dtype }).slice();
  be.dispose(id);
  for (const t of infos) be.dispose(t.dataId);
  return values;
}

export function expectClose(got: DataArray, want: DataArray, what: string, rtol = 1e-5, atol = 1e-5): void {
  expect(got.constructor).toBe(want.constructor);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!, w = want[i]!;
    if (g === w || (Number.isNaN(g) && Number.isNaN(w))) continue;
    if (!(Math.abs(g - w) <= atol + rtol * Math.abs(w))) {
      throw new Error(`${what}: element ${i} is ${g} on tfjs but ${w} on backend-cpu`);
    }
  }
}

/** A test context per engine: both backends, and `same(...)` comparing one kernel call. */
export function withEngine(engine: EngineName) {
  const ctx = {
    tfjs: null as unknown as TfjsBackend,
    cpu: createCpuBackend(),
    same<K extends KernelName>(
      kernel: K, inputs: InputSpec[], attrs: KernelSpecs[K]['attrs'], out: { shape: number[]; dtype: DType },
      tol: { rtol?: number; atol?: number } = {},
    ): DataArray {
      const tensorsBefore = tf.memory().numTensors;
      const got = runOn(ctx.tfjs, kernel, inputs, attrs, out);
      expect(tf.memory().numTensors).toBe(tensorsBefore); // intermediates were tidied, handles freed
      const want = runOn(ctx.cpu, kernel, inputs, attrs, out);
      expectClose(got, want, `${kernel} ${JSON.stringify(attrs)}`, tol.rtol, tol.atol);
      return got;
    },
  };
  beforeAll(async () => {
    ctx.tfjs = await createTfjsBackendAsync({ engine });
  });
  afterAll(() => {
    expect(ctx.tfjs.numHandles()).toBe(0);
  });
  return ctx;
}

/** Geometry with explicit padding, as the api would resolve it. */
export function geometry(o: {
  batch: number; inH: number; inW: number; inC: number; fh: number; fw: number; outC?: number; mult?: number;
  stride?: [number, number]; dilation?: [number, number]; pad?: Padding2D;
}): Conv2DInfo {
  const [sh, sw] = o.stride ?? [1, 1];
  const [dh, dw] = o.dilation ?? [1, 1];
  const pad = o.pad ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const mult = o.mult ?? 1;
  const outHeight = Math.floor((o.inH + pad.top + pad.bottom - ((o.fh - 1) * dh + 1)) / sh) + 1;
  const outWidth = Math.floor((o.inW + pad.left + pad.right - ((o.fw - 1) * dw + 1)) / sw) + 1;
  return {
    batch: o.batch, inHeight: o.inH, inWidth: o.inW, inChannels: o.inC,
    outHeight, outWidth, outChannels: o.outC ?? o.inC * mult,
    filterHeight: o.fh, filterWidth: o.fw, strideHeight: sh, strideWidth: sw,
    dilationHeight: dh, dilationWidth: dw, pad, channelMultiplier: mult,
  };
}

/** tfjs's 'same' padding for one geometry (so tests cover the native 'same' path too). */
export function samePad(inH: number, inW: number, fh: number, fw: number, sh: number, sw: number): Padding2D {
  const axis = (n: number, k: number, s: number): [number, number] => {
    const total = Math.max(0, (Math.ceil(n / s) - 1) * s + k - n);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  };
  const [top, bottom] = axis(inH, fh, sh);
  const [left, right] = axis(inW, fw, sw);
  return { top, bottom, left, right };
}
