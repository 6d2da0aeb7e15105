import { globalAveragePooling1d, globalAveragePooling2d, globalMaxPooling1d, globalMaxPooling2d } from '../index';
import { layerTest } from '../__tests__/layer-test';

/** Reduce [b, n, c] over n. */
function over(x: number[], b: number, n: number, c: number, kind: 'max' | 'avg'): number[] {
  const out: number[] = [];
  for (let i = 0; i < b; i++) for (let k = 0; k < c; k++) {
    const vs = Array.from({ length: n }, (_, j) => x[(i * n + j) * c + k]!);
    out.push(kind === 'max' ? Math.max(...vs) : vs.reduce((a, v) => a + v, 0) / n);
  }
  return out;
}

layerTest('globalMaxPooling1d', { skipGrad: true, make: () => globalMaxPooling1d(), inputShapes: [[2, 4, 3]], expectedShape: [2, 3], reference: ([x]) => over(x!, 2, 4, 3, 'max') });
layerTest('globalAveragePooling1d', { skipGrad: true, make: () => globalAveragePooling1d(), inputShapes: [[2, 4, 3]], expectedShape: [2, 3], reference: ([x]) => over(x!, 2, 4, 3, 'avg') });
layerTest('globalMaxPooling2d', { skipGrad: true, make: () => globalMaxPooling2d(), inputShapes: [[2, 3, 2, 3]], expectedShape: [2, 3], reference: ([x]) => over(x!, 2, 6, 3, 'max') });
layerTest('globalAveragePooling2d', { skipGrad: true, make: () => globalAveragePooling2d(), inputShapes: [[2, 3, 2, 3]], expectedShape: [2, 3], reference: ([x]) => over(x!, 2, 6, 3, 'avg') });
