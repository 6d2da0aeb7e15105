import { cropping2d, upSampling2d, zeroPadding2d } from '../index';
import { layerTest } from '../__tests__/layer-test';

/** Value at [b, i, j, c] of an [B, H, W, C] flat array, 0 outside. */
const at = (x: number[], [, h, w, c]: number[], b: number, i: number, j: number, k: number): number =>
  i < 0 || j < 0 || i >= h! || j >= w! ? 0 : x[((b * h! + i) * w! + j) * c! + k]!;
function image(shape: number[], f: (b: number, i: number, j: number, k: number) => number): number[] {
  const out: number[] = [];
  for (let b = 0; b < shape[0]!; b++) for (let i = 0; i < shape[1]!; i++) for (let j = 0; j < shape[2]!; j++) for (let k = 0; k < shape[3]!; k++) out.push(f(b, i, j, k));
  return out;
}

const noWeights = { skipGrad: true } as const;
layerTest('zeroPadding2d [[1,0],[2,1]]', {
  ...noWeights,
  make: () => zeroPadding2d({ padding: [[1, 0], [2, 1]] }),
  inputShapes: [[1, 2, 2, 2]],
  expectedShape: [1, 3, 5, 2],
  reference: ([x], _w, s) => image([1, 3, 5, 2], (b, i, j, k) => at(x!, s.x[0]!, b, i - 1, j - 2, k)),
});
layerTest('cropping2d', {
  ...noWeights,
  make: () => cropping2d({ cropping: [[1, 0], [0, 2]] }),
  inputShapes: [[2, 3, 4, 1]],
  expectedShape: [2, 2, 2, 1],
  reference: ([x], _w, s) => image([2, 2, 2, 1], (b, i, j, k) => at(x!, s.x[0]!, b, i + 1, j, k)),
});
layerTest('upSampling2d [2,3]', {
  ...noWeights,
  make: () => upSampling2d({ size: [2, 3] }),
  inputShapes: [[1, 2, 2, 2]],
  expectedShape: [1, 4, 6, 2],
  reference: ([x], _w, s) => image([1, 4, 6, 2], (b, i, j, k) => at(x!, s.x[0]!, b, Math.floor(i / 2), Math.floor(j / 3), k)),
});
