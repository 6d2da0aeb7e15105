import type { DType } from '../backend/types';
import { ENGINE } from '../engine/engine';
import { keep } from '../engine/scope';
import { fmtShape, shapesEqual } from '../util/shape';
import { Tensor } from './tensor';
import { tensor, type TensorLike } from './create';

let nextVariable = 0;

/** A mutable tensor: training updates it in place with `assign`. Never disposed by tidy. */
export class Variable extends Tensor {
  readonly name: string;
  trainable: boolean;

  /** @internal use `variable(...)`. */
  constructor(initial: Tensor, trainable: boolean, name: string | undefined, dtype: DType) {
    const b = ENGINE.backend();
    const values = initial.dataSync();
    super(b.write(dtype === initial.dtype ? values : castValues(values, dtype), initial.shape, dtype), initial.shape, dtype, b);
    this.trainable = trainable;
    this.name = name ?? `variable_${nextVariable++}`;
    keep(this);
    registry.add(new WeakRef(this));
  }

  /** Replace the value (same shape and dtype); the old storage is freed. */
  assign(value: Tensor): void {
    value.assertAlive(`assign to variable '${this.name}'`);
    if (!shapesEqual(value.shape, this.shape) || value.dtype !== this.dtype) {
      throw new Error(
        `Variable '${this.name}': assign needs shape ${fmtShape(this.shape)} ${this.dtype}, got ${fmtShape(value.shape)} ${value.dtype}.`,
      );
    }
    const fresh = this.backend.kernels.reshape([value], { shape: this.shape }, { shape: this.shape, dtype: this.dtype });
    this.backend.dispose(this.dataId);
    this.dataId = fresh;
  }
}

function castValues(values: ArrayLike<number>, dtype: DType): Float32Array | Int32Array | Uint8Array {
  return dtype === 'float32' ? Float32Array.from(values) : dtype === 'int32' ? Int32Array.from(values) : Uint8Array.from(values, (v) => (v ? 1 : 0));
}

export function variable(initial: TensorLike, trainable = true, name?: string, dtype?: DType): Variable {
  const t = initial instanceof Tensor ? initial : null;
  const init = t ?? tensor(initial as Exclude<TensorLike, Tensor>);
  try {
    return new Variable(init, trainable, name, dtype ?? init.dtype);
  } finally {
    if (!t) init.dispose();
  }
}

const registry = new Set<WeakRef<Variable>>();

/** Live trainable variables, for variableGrads without an explicit list. */
export function* liveTrainableVariables(): Generator<Variable> {
  for (const ref of registry) {
    const v = ref.deref();
    if (!v || v.isDisposed) registry.delete(ref);
    else if (v.trainable) yield v;
  }
}
