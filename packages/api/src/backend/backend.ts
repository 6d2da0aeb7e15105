import type { KernelImpls } from './kernels';
import type { DataArray, DataId, DType, Shape, TensorInfo } from './types';

/** Activations that fused kernels may apply after the bias. */
export type FusedActivation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'elu';

/**
 * Optional fused kernels for inference paths (no gradient is recorded through them).
 * The api uses them when present and falls back to compositions otherwise.
 */
export interface FusedKernels {
  /** act(a @ b + bias); a [m, k], b [k, n], bias [n] or absent. */
  matMulBiasAct(a: TensorInfo, b: TensorInfo, bias: TensorInfo | null, act: FusedActivation,
    out: { shape: Shape; dtype: DType }): DataId;
}

/**
 * A kernel provider. It stores data and runs kernels; it knows nothing of layers or gradients.
 * Shapes and dtypes are decided by the api and passed in; every handle the backend returns
 * is later passed to `dispose` exactly once.
 */
export interface Backend {
  readonly name: string;
  /** Store a copy of `values` (length = product of shape) and return its handle. */
  write(values: DataArray, shape: Shape, dtype: DType): DataId;
  read(t: TensorInfo): Promise<DataArray>;
  /** Synchronous read; the returned array must not be mutated by the caller. */
  readSync(t: TensorInfo): DataArray;
  dispose(dataId: DataId): void;
  /** Live handles: written or returned by kernels and not yet disposed. */
  numHandles(): number;
  readonly kernels: KernelImpls;
  readonly fused?: Partial<FusedKernels>;
  /** Free everything the backend holds itself (engines, workers). */
  close?(): void;
}
