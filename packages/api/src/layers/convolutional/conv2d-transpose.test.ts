import { conv2dTranspose } from '../index';
import { layerTest } from '../__tests__/layer-test';

/** Scatter form: every input pixel adds kernel * value into a window of the output. */
function convTransposeRef(x: number[], [b, h, w, c]: number[], k: number[], [kh, kw, f]: number[], s: number, padding: 'valid' | 'same', bias: number[]): number[] {
  const oh = padding === 'same' ? h * s : h * s + Math.max(kh - s, 0);
  const ow = padding === 'same' ? w * s : w * s + Math.max(kw - s, 0);
  const padT = padding === 'same' ? Math.floor(Math.max(kh - s, 0) / 2) : 0;
  const padL = padding === 'same' ? Math.floor(Math.max(kw - s, 0) / 2) : 0;
  const out = new Array<number>(b * oh * ow * f!).fill(0);
  for (let n = 0; n < b; n++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let ci = 0; ci < c; ci++) {
    for (let a = 0; a < kh; a++) for (let bb = 0; bb < kw; bb++) {
      const y = i * s + a - padT;
      const xx = j * s + bb - padL;
      if (y < 0 || y >= oh || xx < 0 || xx >= ow) continue;
      for (let o = 0; o < f!; o++) out[((n * oh + y) * ow + xx) * f! + o]! += x[((n * h + i) * w + j) * c + ci]! * k[((a * kw + bb) * f! + o) * c + ci]!;
    }
  }
  return out.map((v, i) => v + bias[i % f!]!);
}

layerTest('conv2dTranspose valid, strides 2', {
  make: () => conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, inputShape: [3, 3, 2] }),
  inputShapes: [[2, 3, 3, 2]],
  expectedShape: [2, 7, 7, 2],
  reference: ([x], [k, b], s) => convTransposeRef(x!, s.x[0]!, k!, s.w[0]!, 2, 'valid', b!),
});

layerTest('conv2dTranspose same, strides 2', {
  make: () => conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }),
  inputShapes: [[1, 2, 3, 2]],
  expectedShape: [1, 4, 6, 3],
  reference: ([x], [k, b], s) => convTransposeRef(x!, s.x[0]!, k!, s.w[0]!, 2, 'same', b!),
});
