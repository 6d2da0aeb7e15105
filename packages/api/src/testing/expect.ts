import type { Tensor } from '../tensor/tensor';
import { fmtShape } from '../util/shape';

/** Throws with the first mismatch; tolerance |a-e| <= atol + rtol*|e|. NaN matches NaN. */
export function expectValues(t: Tensor, expected: ArrayLike<number>, shape?: number[], atol = 1e-5, rtol = 1e-5): void {
  if (shape && fmtShape(t.shape) !== fmtShape(shape)) {
    throw new Error(`shape ${fmtShape(t.shape)} differs from expected ${fmtShape(shape)}`);
  }
  const got = t.dataSync();
  if (got.length !== expected.length) throw new Error(`got ${got.length} values, expected ${expected.length}`);
  for (let i = 0; i < got.length; i++) {
    const a = got[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (a === e) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(`value ${i}: got ${a}, expected ${e} (shape ${fmtShape(t.shape)})`);
    }
  }
}
