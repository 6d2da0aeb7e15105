/**
 * The hot inner product behind matMul and the convolutions: C = op(A) · op(B) (+ C).
 *
 * This module is a seam. `Gemm` is the one function every heavy kernel calls, so a faster
 * implementation (WebAssembly SIMD, threads) replaces `gemm` here and nothing else changes.
 * Operands are strided views, so transposes cost nothing: element (i, p) of op(A) is
 * `a[aOffset + i * aRowStride + p * aColStride]`, element (p, j) of op(B) is
 * `b[bOffset + p * bRowStride + j * bColStride]`, and C is row-major with leading dimension ldc.
 */
export type Gemm = (
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, aRowStride: number, aColStride: number,
  b: Float32Array, bOffset: number, bRowStride: number, bColStride: number,
  c: Float32Array, cOffset: number, ldc: number,
  /** false: C = A·B; true: C += A·B. */
  accumulate: boolean,
) => void;

// Goto/BLIS-style blocking: a KC x NC panel of B and an MC x KC block of A are packed into
// contiguous float64 panels (NR columns / MR rows interleaved), so the 4x4 micro-kernel reads
// both sequentially and keeps its 16 sums in registers. Packing also absorbs the strides.
// float64 panels measured ~1.7x faster than float32 ones in V8 (no per-load conversion).
const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 1024;
/** Below this many multiply-adds the packing overhead outweighs its gain. */
const SMALL = 32 * 32 * 32;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);
const edge = new Float64Array(MR * NR);

export const gemm: Gemm = (m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate) => {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOff + i * ldc, cOff + i * ldc + n);
    return;
  }
  if (m * n * k <= SMALL) {
    gemmDirect(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
    return;
  }
  const ncMax = Math.min(NC, roundUp(n, NR));
  const kcMax = Math.min(KC, k);
  if (packB.length < kcMax * ncMax) packB = new Float64Array(kcMax * ncMax);
  if (packA.length < kcMax * Math.min(MC, roundUp(m, MR))) packA = new Float64Array(kcMax * Math.min(MC, roundUp(m, MR)));
  const A = packA;
  const B = packB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const add = accumulate || pc > 0;
      packPanels(B, kc, nc, NR, b, bOff + pc * brs + jc * bcs, bcs, brs);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanels(A, kc, mc, MR, a, aOff + ic * ars + pc * acs, ars, acs);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            micro4x4(kc, A, ir * kc, B, jr * kc, c, cOff + (ic + ir) * ldc + jc + jr, ldc, mr, nr, add);
          }
        }
      }
    }
  }
};

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

/**
 * Packs `count` lines (rows of A or columns of B) of length kc into panels of `w` lines:
 * dst[(line / w) * kc * w + p * w + line % w]; missing lines of the last panel are zeros.
 * Line l, position p of the source is at src[off + l * lineStride + p * stepStride].
 */
function packPanels(
  dst: Float64Array, kc: number, count: number, w: number,
  src: Float32Array, off: number, lineStride: number, stepStride: number,
): void {
  let q = 0;
  for (let l0 = 0; l0 < count; l0 += w) {
    const lines = Math.min(w, count - l0);
    for (let p = 0; p < kc; p++) {
      const at = off + l0 * lineStride + p * stepStride;
      let l = 0;
      for (; l < lines; l++) dst[q++] = src[at + l * lineStride];
      for (; l < w; l++) dst[q++] = 0;
    }
  }
}

/** C[mr x nr] (+)= Apanel[kc x 4]^T · Bpanel[kc x 4]; the full tile stays in 16 locals. */
function micro4x4(
  kc: number, A: Float64Array, pa: number, B: Float64Array, pb: number,
  c: Float32Array, co: number, ldc: number, mr: number, nr: number, add: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, pa += 4, pb += 4) {
    const a0 = A[pa], a1 = A[pa + 1], a2 = A[pa + 2], a3 = A[pa + 3];
    const b0 = B[pb], b1 = B[pb + 1], b2 = B[pb + 2], b3 = B[pb + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (mr === 4 && nr === 4) {
    if (add) {
      c[co] += c00; c[co + 1] += c01; c[co + 2] += c02; c[co + 3] += c03; co += ldc;
      c[co] += c10; c[co + 1] += c11; c[co + 2] += c12; c[co + 3] += c13; co += ldc;
      c[co] += c20; c[co + 1] += c21; c[co + 2] += c22; c[co + 3] += c23; co += ldc;
      c[co] += c30; c[co + 1] += c31; c[co + 2] += c32; c[co + 3] += c33;
    } else {
      c[co] = c00; c[co + 1] = c01; c[co + 2] = c02; c[co + 3] = c03; co += ldc;
      c[co] = c10; c[co + 1] = c11; c[co + 2] = c12; c[co + 3] = c13; co += ldc;
      c[co] = c20; c[co + 1] = c21; c[co + 2] = c22; c[co + 3] = c23; co += ldc;
      c[co] = c30; c[co + 1] = c31; c[co + 2] = c32; c[co + 3] = c33;
    }
    return;
  }
  // Edge tile: only the mr x nr corner is inside C.
  const t = edge;
  t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03; t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
  t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23; t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
  for (let i = 0; i < mr; i++, co += ldc) {
    for (let j = 0; j < nr; j++) c[co + j] = add ? c[co + j] + t[i * 4 + j] : t[i * 4 + j];
  }
}

/** Plain triple loop for small products (float64 sums, one rounding per output). */
function gemmDirect(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, ars: number, acs: number,
  b: Float32Array, bOff: number, brs: number, bcs: number,
  c: Float32Array, cOff: number, ldc: number, accumulate: boolean,
): void {
  for (let i = 0; i < m; i++) {
    const ai = aOff + i * ars;
    const ci = cOff + i * ldc;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, ia = ai, ib = bOff + j * bcs; p < k; p++, ia += acs, ib += brs) s += a[ia] * b[ib];
      c[ci + j] = accumulate ? c[ci + j] + s : s;
    }
  }
}
