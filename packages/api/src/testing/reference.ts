/**
 * Deliberately naive reference implementations in float64 JS, used only to check kernels.
 * Layouts as the api: NHWC input, filter [fh, fw, in, out].
 */
export interface Conv2DRef {
  x: ArrayLike<number>; xShape: [number, number, number, number];
  w: ArrayLike<number>; wShape: [number, number, number, number];
  stride: [number, number]; dilation: [number, number];
  pad: [number, number]; // top, left
  outHW: [number, number];
  depthwise?: boolean;
}

export function conv2dRef(c: Conv2DRef): Float64Array {
  const [b, h, w, ci] = c.xShape;
  const [fh, fw, , fo] = c.wShape;
  const co = c.depthwise ? ci * fo : fo;
  const [oh, ow] = c.outHW;
  const out = new Float64Array(b * oh * ow * co);
  for (let n = 0; n < b; n++)
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let o = 0; o < co; o++) {
          let s = 0;
          for (let i = 0; i < fh; i++)
            for (let j = 0; j < fw; j++) {
              const yy = y * c.stride[0] + i * c.dilation[0] - c.pad[0];
              const xx = x * c.stride[1] + j * c.dilation[1] - c.pad[1];
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
              if (c.depthwise) {
                const ch = Math.floor(o / fo);
                const m = o % fo;
                s += c.x[((n * h + yy) * w + xx) * ci + ch]! * c.w[((i * fw + j) * ci + ch) * fo + m]!;
              } else {
                for (let k = 0; k < ci; k++) s += c.x[((n * h + yy) * w + xx) * ci + k]! * c.w[((i * fw + j) * ci + k) * fo + o]!;
              }
            }
          out[((n * oh + y) * ow + x) * co + o] = s;
        }
  return out;
}

export function poolRef(
  x: ArrayLike<number>, [b, h, w, c]: number[], [fh, fw]: [number, number], [sh, sw]: [number, number],
  [pt, pl]: [number, number], [oh, ow]: [number, number], kind: 'max' | 'avg',
): Float64Array {
  const out = new Float64Array(b * oh * ow * c);
  for (let n = 0; n < b; n++)
    for (let y = 0; y < oh; y++)
      for (let xo = 0; xo < ow; xo++)
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let sum = 0;
          let count = 0;
          for (let i = 0; i < fh; i++)
            for (let j = 0; j < fw; j++) {
              const yy = y * sh + i - pt;
              const xx = xo * sw + j - pl;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
              const v = x[((n * h + yy) * w + xx) * c + ch]!;
              best = Math.max(best, v);
              sum += v;
              count++;
            }
          out[((n * oh + y) * ow + xo) * c + ch] = kind === 'max' ? best : sum / count;
        }
  return out;
}

/** Batched matmul with batch broadcasting. */
export function matMulRef(
  a: ArrayLike<number>, aShape: number[], b: ArrayLike<number>, bShape: number[], ta: boolean, tb: boolean,
): { values: Float64Array; shape: number[] } {
  const m = ta ? aShape[aShape.length - 1]! : aShape[aShape.length - 2]!;
  const k = ta ? aShape[aShape.length - 2]! : aShape[aShape.length - 1]!;
  const n = tb ? bShape[bShape.length - 2]! : bShape[bShape.length - 1]!;
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const rank = Math.max(aBatch.length, bBatch.length);
  const pa = [...new Array<number>(rank - aBatch.length).fill(1), ...aBatch];
  const pb = [...new Array<number>(rank - bBatch.length).fill(1), ...bBatch];
  const batch = pa.map((d, i) => Math.max(d, pb[i]!));
  const nb = batch.reduce((p, d) => p * d, 1);
  const values = new Float64Array(nb * m * n);
  const flatIndex = (idx: number[], shape: number[]): number => idx.reduce((acc, v, i) => acc * shape[i]! + (shape[i] === 1 ? 0 : v), 0);
  for (let bi = 0; bi < nb; bi++) {
    const idx: number[] = [];
    let r = bi;
    for (let i = rank - 1; i >= 0; i--) {
      idx[i] = r % batch[i]!;
      r = Math.floor(r / batch[i]!);
    }
    const ao = flatIndex(idx, pa) * m * k;
    const bo = flatIndex(idx, pb) * k * n;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const av = a[ao + (ta ? p * m + i : i * k + p)]!;
          const bv = b[bo + (tb ? j * k + p : p * n + j)]!;
          s += av * bv;
        }
        values[(bi * m + i) * n + j] = s;
      }
  }
  return { values, shape: [...batch, m, n] };
}
