import type { Backend } from '../backend/backend';
import type { DataArray, DataId, DType, Shape, TensorInfo } from '../backend/types';
import { ENGINE } from '../engine/engine';
import { fmtShape, sizeOf, stridesOf } from '../util/shape';

export type NestedArray = number | boolean | NestedArray[];

/**
 * An n-dimensional array stored on a backend. Immutable: ops return new tensors.
 * Each tensor owns one backend handle and frees it once, on `dispose()` or when the tidy
 * scope that created it closes.
 */
export class Tensor implements TensorInfo {
  readonly id: number;
  readonly shape: number[];
  readonly dtype: DType;
  readonly size: number;
  /** @internal the backend handle; Variables swap it on assign. */
  dataId: DataId;
  /** @internal */
  readonly backend: Backend;
  private disposedByUser = false;
  private freed = false;
  /** @internal kept tensors survive tidy. */
  kept = false;

  /** @internal use `tensor(...)` or an op to create tensors. */
  constructor(dataId: DataId, shape: Shape, dtype: DType, backend: Backend) {
    this.id = ENGINE.newId();
    this.dataId = dataId;
    this.shape = [...shape];
    this.dtype = dtype;
    this.size = sizeOf(shape);
    this.backend = backend;
    ENGINE.onCreate(this);
  }

  get rank(): number {
    return this.shape.length;
  }

  get isDisposed(): boolean {
    return this.disposedByUser;
  }

  /** @internal throws the error every use of a disposed tensor gets. */
  assertAlive(where = 'use'): void {
    // A disposed tensor that an active tape still holds stays readable by the backward pass only.
    if (this.disposedByUser && (this.freed || ENGINE.backwardDepth === 0 || !ENGINE.isSaved(this))) {
      throw new Error(
        `Tensor ${this.id} (shape ${fmtShape(this.shape)}, ${this.dtype}) was disposed and cannot be used by ${where}. ` +
          'Keep it alive with keep(t), or create it outside the tidy() that disposed it.',
      );
    }
    if (this.backend !== ENGINE.backend()) {
      throw new Error(
        `Tensor ${this.id} lives on backend '${this.backend.name}' but the active backend is '${ENGINE.backend().name}'. ` +
          'Create tensors after setBackend(), or copy it with tensor(await t.data(), t.shape, t.dtype).',
      );
    }
  }

  async data(): Promise<DataArray> {
    this.assertAlive('data()');
    return this.backend.read(this);
  }

  dataSync(): DataArray {
    this.assertAlive('dataSync()');
    return this.backend.readSync(this);
  }

  async array(): Promise<NestedArray> {
    return toNested(await this.data(), this.shape, this.dtype);
  }

  arraySync(): NestedArray {
    return toNested(this.dataSync(), this.shape, this.dtype);
  }

  /** The first element as a JS number (for scalars). */
  scalarValue(): number {
    const d = this.dataSync();
    if (d.length === 0) throw new Error(`scalarValue(): tensor of shape ${fmtShape(this.shape)} is empty.`);
    return d[0]!;
  }

  dispose(): void {
    if (this.disposedByUser) return;
    this.disposedByUser = true;
    ENGINE.untrack(this);
    // A tape that recorded this tensor frees it after the backward pass instead.
    if (!ENGINE.isSaved(this)) this.free();
  }

  /** @internal release the backend handle (once). */
  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.disposedByUser = true;
    this.backend.dispose(this.dataId);
    ENGINE.onFree(this);
  }

  /** @internal */
  get isFreed(): boolean {
    return this.freed;
  }

  toString(verbose = false): string {
    if (this.disposedByUser) return `Tensor(disposed, shape ${fmtShape(this.shape)}, ${this.dtype})`;
    const body = formatValues(this.dataSync(), this.shape, this.dtype);
    const head = verbose ? `Tensor\n  dtype: ${this.dtype}\n  rank: ${this.rank}\n  shape: ${fmtShape(this.shape)}\n  values:\n` : 'Tensor\n';
    return head + body.replace(/^/gm, '    ');
  }

  print(verbose = false): void {
    console.log(this.toString(verbose));
  }
}

function toNested(values: DataArray, shape: readonly number[], dtype: DType): NestedArray {
  const conv = (v: number): number | boolean => (dtype === 'bool' ? v !== 0 : v);
  if (shape.length === 0) return conv(values[0]!);
  const strides = stridesOf(shape);
  const build = (axis: number, offset: number): NestedArray[] => {
    const out: NestedArray[] = [];
    for (let i = 0; i < shape[axis]!; i++) {
      const o = offset + i * strides[axis]!;
      out.push(axis === shape.length - 1 ? conv(values[o]!) : build(axis + 1, o));
    }
    return out;
  };
  return build(0, 0);
}

function formatValues(values: DataArray, shape: readonly number[], dtype: DType): string {
  const fmt = (v: number): string => {
    if (dtype === 'bool') return v ? 'true' : 'false';
    if (dtype === 'int32') return String(v);
    return Number.isInteger(v) && Math.abs(v) < 1e6 ? v.toFixed(1) : Number(v.toPrecision(6)).toString();
  };
  if (shape.length === 0) return fmt(values[0]!);
  const strides = stridesOf(shape);
  const limit = 6; // elide long axes like NumPy
  const rec = (axis: number, offset: number, indent: string): string => {
    const n = shape[axis]!;
    const idx = n > limit ? [0, 1, 2, -1, n - 3, n - 2, n - 1] : Array.from({ length: n }, (_, i) => i);
    if (axis === shape.length - 1) {
      return '[' + idx.map((i) => (i < 0 ? '...' : fmt(values[offset + i * strides[axis]!]!))).join(', ') + ']';
    }
    const parts = idx.map((i) => (i < 0 ? '...' : rec(axis + 1, offset + i * strides[axis]!, indent + ' ')));
    return '[' + parts.join(',\n' + indent + ' ') + ']';
  };
  return rec(0, 0, '');
}
