import * as tf from '@tensorflow/tfjs-core';
import type {
  Backend, DataArray, DataId, DType, FusedKernels, KernelImpls, OutInfo, Shape, TensorInfo,
} from '@lamina/api';
import { chooseEngine, loadEngine, onGpu, type EngineName, type EngineSpec } from './engines';
import { conform, shapeStr, sizeOf, TfData } from './handle';
import { makeKernels, makeFused } from './kernels';

export interface TfjsBackendOptions {
  /** Which tfjs engine to run on; default: LAMINA_TFJS_ENGINE, else the best installed. */
  engine?: EngineName;
}

/** Runs a kernel body on tf tensors; the body may create intermediates freely (it runs in tf.tidy). */
export type Run = (inputs: readonly TensorInfo[], out: OutInfo, kernel: string, body: (xs: tf.Tensor[]) => tf.Tensor) => DataId;

/**
 * The Lamina Backend on @tensorflow/tfjs-core. Each handle wraps one tf.Tensor; kernels run
 * inside tf.tidy so only the result survives, and every result is disposed once, by `dispose`.
 */
export class TfjsBackend implements Backend {
  readonly name = 'tfjs';
  readonly engine: EngineSpec;
  /** Resolves when the engine is initialised (at once for cpu and tfjs-node; wasm compiles first). */
  readonly ready: Promise<void>;
  readonly kernels: KernelImpls;
  readonly fused: Partial<FusedKernels>;
  private live = 0;
  private isReady = false;
  private failure: Error | null = null;

  constructor(options: TfjsBackendOptions = {}) {
    this.engine = chooseEngine(options.engine);
    this.ready = loadEngine(this.engine).then(
      () => { this.isReady = true; },
      (e: Error) => { this.failure = e; throw e; },
    );
    this.ready.catch(() => undefined); // reported on first use instead of as an unhandled rejection
    // cpu and tfjs-node initialise synchronously: usable at once, without awaiting `ready`.
    if (tf.getBackend() === this.engine.tfBackend) this.isReady = true;
    const run: Run = (inputs, out, kernel, body) => this.run(inputs, out, kernel, body);
    this.kernels = makeKernels(run, this.engine);
    this.fused = makeFused(run);
  }

  /** True when the engine is tfjs-node-gpu and TensorFlow reports a GPU device. */
  onGpu(): boolean {
    this.activate();
    return this.engine.name === 'node-gpu' && onGpu() === true;
  }

  write(values: DataArray, shape: Shape, dtype: DType): DataId {
    const n = sizeOf(shape);
    if (values.length !== n) throw new Error(`write: ${values.length} values do not fill shape ${shapeStr(shape)} (${n} elements)`);
    this.activate();
    return this.adopt(tf.tensor(copyAs(values, dtype), shape as number[], dtype));
  }

  async read(t: TensorInfo): Promise<DataArray> {
    return arrayOf(await this.tensorOf(t, 'read').data() as DataArray, t.dtype);
  }

  readSync(t: TensorInfo): DataArray {
    return arrayOf(this.tensorOf(t, 'readSync').dataSync() as DataArray, t.dtype);
  }

  dispose(dataId: DataId): void {
    const h = this.own(dataId, 'dispose');
    if (h.tensor === null) {
      throw new Error('dispose: this handle was already disposed. Each handle is disposed exactly once; a second dispose is a bug in the caller.');
    }
    h.tensor.dispose();
    h.tensor = null;
    this.live--;
  }

  numHandles(): number {
    return this.live;
  }

  /** The tf.Tensor behind a live handle (still owned by the handle: do not dispose it). */
  tensorOf(t: TensorInfo, what = 'use'): tf.Tensor {
    const h = this.own(t.dataId, what);
    if (h.tensor === null) throw new Error(`${what}: the data of this ${t.dtype} tensor of shape ${shapeStr(t.shape)} was already disposed`);
    return h.tensor;
  }

  /** Takes ownership of `x`: the new handle disposes it. */
  adopt(x: tf.Tensor): DataId {
    this.live++;
    return new TfData(x, this);
  }

  /** Makes this backend's engine the one tfjs runs on (another TfjsBackend may have switched it). */
  activate(): void {
    if (!this.isReady) {
      if (this.failure) throw this.failure;
      throw new Error(
        `The tfjs '${this.engine.name}' engine is still initialising. Run \`await tfjsReady()\` ` +
          "(from '@lamina/backend-tfjs') once before creating tensors, or create the backend with `await createTfjsBackendAsync()`.",
      );
    }
    if (tf.getBackend() !== this.engine.tfBackend) void tf.setBackend(this.engine.tfBackend);
  }

  private run(inputs: readonly TensorInfo[], out: OutInfo, kernel: string, body: (xs: tf.Tensor[]) => tf.Tensor): DataId {
    this.activate();
    const xs = inputs.map((t) => this.tensorOf(t, kernel));
    const y = tf.tidy(() => {
      const r = conform(body(xs), out, kernel, tf);
      // A body may hand back an input unchanged; the result needs its own tf.Tensor to own.
      return xs.includes(r) ? tf.clone(r) : r;
    });
    return this.adopt(y);
  }

  private own(dataId: DataId, what: string): TfData {
    if (!(dataId instanceof TfData) || dataId.owner !== this) {
      throw new Error(`${what}: this handle does not belong to this tfjs backend (was it created by another backend instance?)`);
    }
    return dataId;
  }
}

/** tfjs-backend-cpu's int32 -> float32 cast keeps the Int32Array behind the float tensor. */
function arrayOf(values: DataArray, dtype: DType): DataArray {
  const Ctor = dtype === 'float32' ? Float32Array : dtype === 'int32' ? Int32Array : Uint8Array;
  return values instanceof Ctor ? values : Ctor.from(values);
}

/** tf.tensor keeps a reference to a typed array on some engines; the contract wants a copy. */
function copyAs(values: DataArray, dtype: DType): DataArray {
  if (dtype === 'bool') {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
    return out;
  }
  const Ctor = dtype === 'int32' ? Int32Array : Float32Array;
  const out = new Ctor(values.length);
  out.set(values);
  return out;
}

export function createTfjsBackend(options: TfjsBackendOptions = {}): TfjsBackend {
  return new TfjsBackend(options);
}

/** Creates the backend and waits until its engine is initialised (needed for wasm). */
export async function createTfjsBackendAsync(options: TfjsBackendOptions = {}): Promise<TfjsBackend> {
  const b = new TfjsBackend(options);
  await b.ready;
  return b;
}
