import { apply, backend, expectClose, randn, rng, sizeOf, unravel } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

/** Reference batched matmul with explicit transposes and broadcast batch indices. */
function ref(
  a: ArrayLike<number>, aShape: number[], b: ArrayLike<number>, bShape: number[], ta: boolean, tb: boolean, outShape: number[],
): Float64Array {
  const r = outShape.length;
  const [m, n] = [outShape[r - 2], outShape[r - 1]];
  const k = ta ? aShape[aShape.length - 2] : aShape[aShape.length - 1];
  const batchShape = outShape.slice(0, -2);
  const out = new Float64Array(sizeOf(outShape));
  const batchIndex = (idx: number[], shape: number[]): number => {
    const bs = shape.slice(0, -2);
    const lead = idx.length - bs.length;
    let f = 0;
    for (let d = 0; d < bs.length; d++) f = f * bs[d] + (bs[d] === 1 ? 0 : idx[lead + d]);
    return f;
  };
  for (let t = 0; t < sizeOf(batchShape); t++) {
    const idx = unravel(t, batchShape);
    const ab = batchIndex(idx, aShape) * m * k;
    const bb = batchIndex(idx, bShape) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const av = ta ? a[ab + p * m + i] : a[ab + i * k + p];
          const bv = tb ? b[bb + j * k + p] : b[bb + p * n + j];
          s += av * bv;
        }
        out[(t * m + i) * n + j] = s;
      }
    }
  }
  return out;
}

describe('matMul', () => {
  test('2x3 @ 3x2 by hand', () => {
    const got = apply(be, 'matMul', [[[1, 2, 3, 4, 5, 6], [2, 3]], [[7, 8, 9, 10, 11, 12], [3, 2]]], { transposeA: false, transposeB: false }, [2, 2]);
    expect(Array.from(got)).toEqual([58, 64, 139, 154]);
  });

  const rand = rng(9);
  // [batchA, batchB, outBatch, m, k, n]
  const cases: Array<[number[], number[], number[], number, number, number]> = [
    [[], [], [], 5, 7, 3],
    [[], [], [], 70, 45, 66],
    [[3], [3], [3], 4, 6, 5],
    [[2, 1], [3], [2, 3], 9, 4, 6],
    [[1], [4], [4], 33, 40, 35],
    [[2, 3], [], [2, 3], 6, 5, 4],
    [[], [2, 2], [2, 2], 3, 8, 2],
  ];
  test.each(cases)('batch %j x %j -> %j, m=%i k=%i n=%i, all transpose combos', (ba, bb, bo, m, k, n) => {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const aShape = [...ba, ...(ta ? [k, m] : [m, k])];
        const bShape = [...bb, ...(tb ? [n, k] : [k, n])];
        const outShape = [...bo, m, n];
        const a = randn(sizeOf(aShape), rand);
        const b = randn(sizeOf(bShape), rand);
        const got = apply(be, 'matMul', [[a, aShape], [b, bShape]], { transposeA: ta, transposeB: tb }, outShape);
        expectClose(got, ref(a, aShape, b, bShape, ta, tb, outShape), 1e-4, 1e-4);
      }
    }
  });

  test('int32 matmul is exact', () => {
    const a = [1, -2, 3, 4, 5, -6];
    const b = [7, 8, -9, 10, 11, 12];
    const got = apply(be, 'matMul', [[a, [2, 3], 'int32'], [b, [2, 3], 'int32']], { transposeA: false, transposeB: true }, [2, 2], 'int32');
    expect(got).toBeInstanceOf(Int32Array);
    expect(Array.from(got)).toEqual([1 * 7 - 2 * 8 + 3 * -9, 1 * 10 - 2 * 11 + 3 * 12, 4 * 7 + 5 * 8 - 6 * -9, 4 * 10 + 5 * 11 - 6 * 12]);
  });

  test('empty dimensions', () => {
    expect(Array.from(apply(be, 'matMul', [[[], [0, 3]], [[1, 2, 3], [3, 1]]], { transposeA: false, transposeB: false }, [0, 1]))).toEqual([]);
    expect(Array.from(apply(be, 'matMul', [[[], [2, 0]], [[], [0, 2]]], { transposeA: false, transposeB: false }, [2, 2]))).toEqual([0, 0, 0, 0]);
  });

  test('mismatched inner sizes are a clear error', () => {
    expect(() => apply(be, 'matMul', [[[1, 2, 3, 4, 5, 6], [2, 3]], [[1, 2, 3, 4], [2, 2]]], { transposeA: false, transposeB: false }, [2, 2]))
      .toThrow(/inner sizes 3 and 2/);
  });
});
