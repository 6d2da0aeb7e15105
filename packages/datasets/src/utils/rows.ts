import { ArrayTensor, allocate, dtypeOf, sizeOfShape } from '../types';

/** The rows `indices` of `t` along axis 0, gathered into a new tensor of the same dtype. */
export function takeRows(t: ArrayTensor, indices: ArrayLike<number>): ArrayTensor {
  const rowShape = t.shape.slice(1);
  const size = sizeOfShape(rowShape);
  const out = allocate(dtypeOf(t.data), indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    out.set(t.data.subarray(r * size, (r + 1) * size), i * size);
  }
  return { data: out, shape: [indices.length, ...rowShape] };
}

/** Number of rows along axis 0, with a clear error for scalars. */
export function rowCount(t: ArrayTensor, op: string, name: string): number {
  if (t.shape.length === 0) throw new Error(`${op}: ${name} is a scalar; it needs a leading (row) axis.`);
  return t.shape[0];
}
