import type { Conv2DInfo, DataArray } from '@lamina/api';
import { gemm } from './gemm';
import { asFloat32 } from './util';

/**
 * 2-D convolution (NHWC, filter [fh, fw, inC, outC]) and its two gradients, as im2col + gemm.
 * The im2col matrix has one row per output pixel (over the whole batch) and K = fh*fw*inC
 * columns; it is built a chunk of rows at a time so memory stays bounded for big inputs.
 *   conv2d:              out[rows, outC]  = cols[rows, K] · filter[K, outC]
 *   conv2dBackpropInput: dcols[rows, K]   = dy[rows, outC] · filterᵀ, then col2im adds into dx
 *   conv2dBackpropFilter: dW[K, outC]    += colsᵀ · dy[rows, outC]
 * A 1x1, stride-1, unpadded convolution is a plain gemm over x with no packing at all.
 */

/** At most this many floats in the im2col scratch (16 MiB). */
const COLS_BUDGET = 1 << 22;
let scratch = new Float32Array(0);

function colsBuffer(n: number): Float32Array {
  if (scratch.length < n) scratch = new Float32Array(n);
  return scratch;
}

/** Throws when the data lengths do not match the geometry the api resolved. */
export function checkConv(name: string, c: Conv2DInfo, lengths: Array<[what: string, got: number, want: number]>): void {
  for (const [what, got, want] of lengths) {
    if (got !== want) {
      throw new Error(
        `${name}: ${what} has ${got} elements but the convolution geometry needs ${want} ` +
          `(batch ${c.batch}, in ${c.inHeight}x${c.inWidth}x${c.inChannels}, out ${c.outHeight}x${c.outWidth}x${c.outChannels}, ` +
          `filter ${c.filterHeight}x${c.filterWidth})`,
      );
    }
  }
}

function isPointwise(c: Conv2DInfo): boolean {
  return c.filterHeight === 1 && c.filterWidth === 1 && c.strideHeight === 1 && c.strideWidth === 1 &&
    c.pad.top === 0 && c.pad.left === 0 && c.outHeight === c.inHeight && c.outWidth === c.inWidth;
}

function rowsPerChunk(c: Conv2DInfo, k: number): number {
  const total = c.batch * c.outHeight * c.outWidth;
  return Math.max(1, Math.min(total, Math.floor(COLS_BUDGET / Math.max(k, 1))));
}

/** Fills cols[r, (ky*fw + kx)*inC + ch] for output rows row0 .. row0+rows-1 (zeros where padded). */
function im2col(x: Float32Array, c: Conv2DInfo, row0: number, rows: number, cols: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: FH, filterWidth: FW } = c;
  const K = FH * FW * C;
  let q = 0;
  for (let r = row0; r < row0 + rows; r++) {
    const b = Math.floor(r / (OH * OW));
    const rem = r - b * OH * OW;
    const oy = Math.floor(rem / OW);
    const ox = rem - oy * OW;
    const y0 = oy * c.strideHeight - c.pad.top;
    const x0 = ox * c.strideWidth - c.pad.left;
    for (let ky = 0; ky < FH; ky++) {
      const iy = y0 + ky * c.dilationHeight;
      if (iy < 0 || iy >= H) {
        cols.fill(0, q, q + FW * C);
        q += FW * C;
        continue;
      }
      const rowBase = (b * H + iy) * W;
      for (let kx = 0; kx < FW; kx++) {
        const ix = x0 + kx * c.dilationWidth;
        if (ix < 0 || ix >= W) {
          cols.fill(0, q, q + C);
        } else {
          const at = (rowBase + ix) * C;
          if (C >= 16) cols.set(x.subarray(at, at + C), q);
          else for (let ch = 0; ch < C; ch++) cols[q + ch] = x[at + ch];
        }
        q += C;
      }
    }
  }
  if (q !== rows * K) throw new Error('im2col: internal size mismatch');
}

/** dx[b, iy, ix, ch] += dcols[r, (ky*fw + kx)*inC + ch]: the adjoint of im2col. */
function col2im(dcols: Float32Array, c: Conv2DInfo, row0: number, rows: number, dx: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: FH, filterWidth: FW } = c;
  let q = 0;
  for (let r = row0; r < row0 + rows; r++) {
    const b = Math.floor(r / (OH * OW));
    const rem = r - b * OH * OW;
    const oy = Math.floor(rem / OW);
    const ox = rem - oy * OW;
    const y0 = oy * c.strideHeight - c.pad.top;
    const x0 = ox * c.strideWidth - c.pad.left;
    for (let ky = 0; ky < FH; ky++) {
      const iy = y0 + ky * c.dilationHeight;
      if (iy < 0 || iy >= H) { q += FW * C; continue; }
      const rowBase = (b * H + iy) * W;
      for (let kx = 0; kx < FW; kx++, q += C) {
        const ix = x0 + kx * c.dilationWidth;
        if (ix < 0 || ix >= W) continue;
        const at = (rowBase + ix) * C;
        for (let ch = 0; ch < C; ch++) dx[at + ch] += dcols[q + ch];
      }
    }
  }
}

/** conv2d as a GEMM: rowsTotal output pixels x K patch values, times K x N filter. */
function gemmDims(c: Conv2DInfo): { K: number; N: number; rowsTotal: number } {
  return { K: c.filterHeight * c.filterWidth * c.inChannels, N: c.outChannels, rowsTotal: c.batch * c.outHeight * c.outWidth };
}

export function conv2d(xIn: DataArray, filterIn: DataArray, c: Conv2DInfo): Float32Array {
  const x = asFloat32(xIn);
  const w = asFloat32(filterIn);
  const { K, N, rowsTotal } = gemmDims(c);
  checkConv('conv2d', c, [
    ['x', x.length, c.batch * c.inHeight * c.inWidth * c.inChannels],
    ['filter', w.length, K * N],
  ]);
  const out = new Float32Array(rowsTotal * N);
  if (isPointwise(c)) {
    gemm(rowsTotal, N, K, x, 0, K, 1, w, 0, N, 1, out, 0, N, false);
    return out;
  }
  const chunk = rowsPerChunk(c, K);
  const cols = colsBuffer(chunk * K);
  for (let r0 = 0; r0 < rowsTotal; r0 += chunk) {
    const rows = Math.min(chunk, rowsTotal - r0);
    im2col(x, c, r0, rows, cols);
    gemm(rows, N, K, cols, 0, K, 1, w, 0, N, 1, out, r0 * N, N, false);
  }
  return out;
}

/** Gradient of conv2d w.r.t. its input: dy [b, outH, outW, outC], filter -> dx [b, inH, inW, inC]. */
export function conv2dBackpropInput(dyIn: DataArray, filterIn: DataArray, c: Conv2DInfo): Float32Array {
  const dy = asFloat32(dyIn);
  const w = asFloat32(filterIn);
  const { K, N, rowsTotal } = gemmDims(c);
  checkConv('conv2dBackpropInput', c, [['dy', dy.length, rowsTotal * N], ['filter', w.length, K * N]]);
  const dx = new Float32Array(c.batch * c.inHeight * c.inWidth * c.inChannels);
  if (isPointwise(c)) {
    gemm(rowsTotal, K, N, dy, 0, N, 1, w, 0, 1, N, dx, 0, K, false);
    return dx;
  }
  const chunk = rowsPerChunk(c, K);
  const dcols = colsBuffer(chunk * K);
  for (let r0 = 0; r0 < rowsTotal; r0 += chunk) {
    const rows = Math.min(chunk, rowsTotal - r0);
    // op(B)(p, j) = filter[j, p]: the filter read transposed through its strides.
    gemm(rows, K, N, dy, r0 * N, N, 1, w, 0, 1, N, dcols, 0, K, false);
    col2im(dcols, c, r0, rows, dx);
  }
  return dx;
}

/** Gradient of conv2d w.r.t. its filter: x and dy -> dW [fh, fw, inC, outC]. */
export function conv2dBackpropFilter(xIn: DataArray, dyIn: DataArray, c: Conv2DInfo): Float32Array {
  const x = asFloat32(xIn);
  const dy = asFloat32(dyIn);
  const { K, N, rowsTotal } = gemmDims(c);
  checkConv('conv2dBackpropFilter', c, [
    ['x', x.length, c.batch * c.inHeight * c.inWidth * c.inChannels],
    ['dy', dy.length, rowsTotal * N],
  ]);
  const dw = new Float32Array(K * N);
  if (isPointwise(c)) {
    gemm(K, N, rowsTotal, x, 0, 1, K, dy, 0, N, 1, dw, 0, N, false);
    return dw;
  }
  const chunk = rowsPerChunk(c, K);
  const cols = colsBuffer(chunk * K);
  for (let r0 = 0; r0 < rowsTotal; r0 += chunk) {
    const rows = Math.min(chunk, rowsTotal - r0);
    im2col(x, c, r0, rows, cols);
    // op(A)(i, p) = cols[p, i]: colsᵀ through strides; later chunks accumulate.
    gemm(K, N, rows, cols, 0, 1, K, dy, r0 * N, N, 1, dw, 0, N, r0 > 0);
  }
  return dw;
}
