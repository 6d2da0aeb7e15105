import type { DType } from '../backend/types';
import { Tensor } from '../tensor/tensor';
import { tensor, type TensorLike } from '../tensor/create';
import { dispatch } from './dispatch';

/** Accept a Tensor or anything `tensor()` takes. Numbers take `dtypeHint` (the other operand's). */
export function asTensor(x: TensorLike, dtypeHint?: DType): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number' && dtypeHint) return tensor(x, [], dtypeHint === 'bool' ? 'float32' : dtypeHint);
  return tensor(x as Exclude<TensorLike, Tensor>);
}

/** float32 > int32 > bool. */
export function upcast(a: DType, b: DType): DType {
  if (a === 'float32' || b === 'float32') return 'float32';
  if (a === 'int32' || b === 'int32') return 'int32';
  return 'bool';
}

/** Cast when needed (a no-op returns the same tensor). */
export function cast(x: TensorLike, dtype: DType): Tensor {
  const t = asTensor(x);
  if (t.dtype === dtype) return t;
  return dispatch('cast', [t], { dtype }, { shape: t.shape, dtype });
}
