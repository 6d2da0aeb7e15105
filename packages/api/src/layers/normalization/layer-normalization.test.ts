import { layerNormalization } from '../index';
import { layerTest } from '../__tests__/layer-test';

/** Normalize each row of a flat [n, c] view over its c entries. */
function rowNorm(x: number[], c: number, g: number[], b: number[], eps = 1e-3): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length / c; i++) {
    const row = x.slice(i * c, (i + 1) * c);
    const m = row.reduce((a, v) => a + v, 0) / c;
    const v = row.reduce((a, u) => a + (u - m) ** 2, 0) / c;
    row.forEach((u, k) => out.push(((u - m) / Math.sqrt(v + eps)) * g[k]! + b[k]!));
  }
  return out;
}

layerTest('layerNormalization last axis', {
  make: () => layerNormalization(),
  inputShapes: [[2, 3, 4]],
  expectedShape: [2, 3, 4],
  reference: ([x], [g, b]) => rowNorm(x!, 4, g!, b!),
});

layerTest('layerNormalization over axes [1, 2]', {
  make: () => layerNormalization({ axis: [1, 2], epsilon: 1e-5 }),
  inputShapes: [[2, 2, 3]],
  expectedShape: [2, 2, 3],
  reference: ([x], [g, b]) => rowNorm(x!, 6, g!, b!, 1e-5),
});
