import { expectClose, randn, rng } from '../__tests__/helpers';
import { gemm } from './gemm';

/** Reference: C(i, j) = sum_p A(i, p) B(p, j), read through the same strided view the gemm uses. */
function ref(
  m: number, n: number, k: number, a: Float32Array, aOff: number, ars: number, acs: number,
  b: Float32Array, bOff: number, brs: number, bcs: number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aOff + i * ars + p * acs] * b[bOff + p * brs + j * bcs];
      c[i * n + j] = s;
    }
  }
  return c;
}

describe('gemm', () => {
  const rand = rng(21);
  // Sizes below and above the small-product cutoff, not multiples of the 4x4 tile,
  // k past one 256-deep panel and n past one 1024-wide panel.
  const sizes: Array<[number, number, number]> = [
    [1, 1, 1], [3, 5, 7], [4, 4, 4], [33, 17, 65], [64, 64, 64], [5, 1030, 9], [37, 29, 300], [1, 200, 513],
  ];
  test.each(sizes)('m=%i n=%i k=%i, every transpose combination, with offsets and padded leading dims', (m, n, k) => {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const aOff = 3, bOff = 5;
        const lda = (ta ? m : k) + 2; // padded rows: strides differ from the logical width
        const ldb = (tb ? k : n) + 1;
        const a = randn(aOff + (ta ? k : m) * lda, rand);
        const b = randn(bOff + (tb ? n : k) * ldb, rand);
        const [ars, acs] = ta ? [1, lda] : [lda, 1];
        const [brs, bcs] = tb ? [1, ldb] : [ldb, 1];
        const ldc = n + 3;
        const c = new Float32Array(2 + m * ldc).fill(7);
        gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, 2, ldc, false);
        const want = ref(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs);
        const got = new Float32Array(m * n);
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) got[i * n + j] = c[2 + i * ldc + j];
        expectClose(got, want, 1e-4, 1e-4);
        // Cells outside the m x n window of C are untouched.
        expect(c[0]).toBe(7);
        expect(c[1]).toBe(7);
        for (let i = 0; i < m; i++) for (let j = n; j < ldc && 2 + i * ldc + j < c.length; j++) expect(c[2 + i * ldc + j]).toBe(7);
      }
    }
  });

  test('accumulate adds into C instead of overwriting it', () => {
    for (const [m, n, k] of [[3, 4, 5], [40, 50, 300]]) {
      const a = randn(m * k, rand);
      const b = randn(k * n, rand);
      const c = randn(m * n, rand);
      const before = Float64Array.from(c);
      gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, true);
      const prod = ref(m, n, k, a, 0, k, 1, b, 0, n, 1);
      expectClose(c, prod.map((v, i) => v + before[i]), 1e-4, 1e-4);
    }
  });

  test('k = 0 gives zeros (or leaves C when accumulating)', () => {
    const c = new Float32Array([1, 2, 3, 4]);
    gemm(2, 2, 0, new Float32Array(0), 0, 0, 1, new Float32Array(0), 0, 2, 1, c, 0, 2, true);
    expect(Array.from(c)).toEqual([1, 2, 3, 4]);
    gemm(2, 2, 0, new Float32Array(0), 0, 0, 1, new Float32Array(0), 0, 2, 1, c, 0, 2, false);
    expect(Array.from(c)).toEqual([0, 0, 0, 0]);
  });
});
