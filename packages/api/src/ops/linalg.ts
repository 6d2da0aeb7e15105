import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import { fmtShape, matMulShape } from '../util/shape';
import { asTensor, cast, upcast } from './convert';
import { dispatch } from './dispatch';
import { mul } from './elementwise';
import { reshape } from './movement';
import { sum } from './reduce';

/** Batched matrix product; batch dims broadcast (rank >= 2 each). */
export function matMul(a: TensorLike, b: TensorLike, transposeA = false, transposeB = false): Tensor {
  return tidy(() => {
    let ta = asTensor(a);
    let tb = asTensor(b);
    const dtype = upcast(ta.dtype, tb.dtype) === 'bool' ? 'int32' : upcast(ta.dtype, tb.dtype);
    ta = cast(ta, dtype);
    tb = cast(tb, dtype);
    const shape = matMulShape(ta.shape, tb.shape, transposeA, transposeB);
    return dispatch('matMul', [ta, tb], { transposeA, transposeB }, { shape, dtype });
  });
}

/** tf.dot: vector·vector, matrix·vector, vector·matrix or matrix·matrix. */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  return tidy(() => {
    const ta = asTensor(a);
    const tb = asTensor(b);
    if (ta.rank > 2 || tb.rank > 2) throw new Error(`dot: needs rank 1 or 2 operands, got ${fmtShape(ta.shape)} and ${fmtShape(tb.shape)}.`);
    if (ta.rank === 1 && tb.rank === 1) {
      if (ta.size !== tb.size) throw new Error(`dot: vectors of length ${ta.size} and ${tb.size} differ.`);
      return sum(mul(ta, tb));
    }
    const a2 = ta.rank === 1 ? reshape(ta, [1, -1]) : ta;
    const b2 = tb.rank === 1 ? reshape(tb, [-1, 1]) : tb;
    const r = matMul(a2, b2);
    if (ta.rank === 1) return reshape(r, [r.shape[1]!]);
    if (tb.rank === 1) return reshape(r, [r.shape[0]!]);
    return r;
  });
}

export function outerProduct(a: TensorLike, b: TensorLike): Tensor {
  return tidy(() => matMul(reshape(asTensor(a), [-1, 1]), reshape(asTensor(b), [1, -1])));
}
