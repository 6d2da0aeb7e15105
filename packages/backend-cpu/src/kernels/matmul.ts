import type { DataArray, DType, Shape } from '@lamina/api';
import { broadcastStrides } from './broadcast';
import { gemm } from './gemm';
import { alloc, asFloat32, shapeStr, sizeOf } from './util';

/**
 * Batched matmul: a [..., m, k] (or [..., k, m] with transposeA) times b [..., k, n]
 * (or [..., n, k] with transposeB); the batch dims broadcast to the output's. Transposes are
 * passed to the gemm as strides, never materialized.
 */
export function matMul(
  a: DataArray, aShape: Shape, b: DataArray, bShape: Shape,
  transposeA: boolean, transposeB: boolean, outShape: Shape, dtype: DType,
): DataArray {
  const ra = aShape.length;
  const rb = bShape.length;
  const ro = outShape.length;
  if (ra < 2 || rb < 2 || ro < 2) {
    throw new Error(`matMul: both inputs need at least 2 axes, got ${shapeStr(aShape)} and ${shapeStr(bShape)}`);
  }
  const m = transposeA ? aShape[ra - 1] : aShape[ra - 2];
  const k = transposeA ? aShape[ra - 2] : aShape[ra - 1];
  const kb = transposeB ? bShape[rb - 1] : bShape[rb - 2];
  const n = transposeB ? bShape[rb - 2] : bShape[rb - 1];
  if (k !== kb || outShape[ro - 2] !== m || outShape[ro - 1] !== n) {
    throw new Error(
      `matMul: ${shapeStr(aShape)}${transposeA ? 'ᵀ' : ''} x ${shapeStr(bShape)}${transposeB ? 'ᵀ' : ''} ` +
        `does not give ${shapeStr(outShape)} (inner sizes ${k} and ${kb})`,
    );
  }
  const outBatch = outShape.slice(0, -2);
  const batches = sizeOf(outBatch);
  const aBatch = broadcastStrides(aShape.slice(0, -2), outBatch).map((s) => s * m * k);
  const bBatch = broadcastStrides(bShape.slice(0, -2), outBatch).map((s) => s * k * n);
  // Strides of op(A) and op(B) inside one matrix.
  const ars = transposeA ? 1 : k, acs = transposeA ? m : 1;
  const brs = transposeB ? 1 : n, bcs = transposeB ? k : 1;
  const out = alloc(dtype, batches * m * n);
  const useFloat = dtype === 'float32';
  const af = useFloat ? asFloat32(a) : a;
  const bf = useFloat ? asFloat32(b) : b;
  const idx = new Array<number>(outBatch.length).fill(0);
  for (let t = 0; t < batches; t++) {
    let aOff = 0, bOff = 0;
    for (let d = 0; d < idx.length; d++) { aOff += idx[d] * aBatch[d]; bOff += idx[d] * bBatch[d]; }
    if (useFloat) {
      gemm(m, n, k, af as Float32Array, aOff, ars, acs, bf as Float32Array, bOff, brs, bcs, out as Float32Array, t * m * n, n, false);
    } else {
      matMulExact(m, n, k, af, aOff, ars, acs, bf, bOff, brs, bcs, out, t * m * n);
    }
    for (let d = idx.length - 1; d >= 0; d--) { if (++idx[d] < outBatch[d]) break; idx[d] = 0; }
  }
  return out;
}

/** int32 (rare): a direct loop; sums are exact in float64 up to 2^53, then wrap to int32 on store. */
function matMulExact(
  m: number, n: number, k: number, a: DataArray, aOff: number, ars: number, acs: number,
  b: DataArray, bOff: number, brs: number, bcs: number, out: DataArray, oOff: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aOff + i * ars + p * acs] * b[bOff + p * brs + j * bcs];
      out[oOff + i * n + j] = s;
    }
  }
}
