import { tensor } from '../../index';
import { dropout, spatialDropout1d, spatialDropout2d, gaussianNoise } from '../index';
import { layerTest } from '../__tests__/layer-test';

// In inference these layers are the identity; in training, checked statistically below.
layerTest('dropout (inference)', { skipGrad: true, make: () => dropout({ rate: 0.5 }), inputShapes: [[2, 3]], expectedShape: [2, 3], reference: ([x]) => x! });
layerTest('spatialDropout1d (inference)', { skipGrad: true, make: () => spatialDropout1d({ rate: 0.3 }), inputShapes: [[2, 3, 2]], expectedShape: [2, 3, 2], reference: ([x]) => x! });
layerTest('spatialDropout2d (inference)', { skipGrad: true, make: () => spatialDropout2d({ rate: 0.3 }), inputShapes: [[1, 2, 2, 3]], expectedShape: [1, 2, 2, 3], reference: ([x]) => x! });
layerTest('gaussianNoise (inference)', { skipGrad: true, make: () => gaussianNoise({ stddev: 0.5 }), inputShapes: [[2, 3]], expectedShape: [2, 3], reference: ([x]) => x! });

describe('training mode', () => {
  test('dropout zeroes about `rate` of the values and scales the rest by 1/(1-rate)', () => {
    const x = tensor(new Float32Array(4000).fill(1), [40, 100]);
    const y = dropout({ rate: 0.25, seed: 3 }).apply(x, { training: true }) as ReturnType<typeof tensor>;
    const v = Array.from(y.dataSync());
    const zeros = v.filter((a) => a === 0).length / v.length;
    expect(zeros).toBeGreaterThan(0.2);
    expect(zeros).toBeLessThan(0.3);
    v.filter((a) => a !== 0).forEach((a) => expect(a).toBeCloseTo(1 / 0.75, 5));
    [x, y].forEach((t) => t.dispose());
  });

  test('spatial dropout drops whole channels', () => {
    const x = tensor(new Float32Array(2 * 5 * 40).fill(1), [2, 5, 40]);
    const y = spatialDropout1d({ rate: 0.5, seed: 1 }).apply(x, { training: true }) as ReturnType<typeof tensor>;
    const v = y.arraySync() as number[][][];
    for (const ex of v) for (let c = 0; c < 40; c++) {
      const col = ex.map((row) => row[c]!);
      expect(new Set(col).size).toBe(1);
    }
    const x2 = tensor(new Float32Array(1 * 3 * 3 * 30).fill(1), [1, 3, 3, 30]);
    const y2 = spatialDropout2d({ rate: 0.5, seed: 1 }).apply(x2, { training: true }) as ReturnType<typeof tensor>;
    const flatVals = Array.from(y2.dataSync());
    for (let c = 0; c < 30; c++) expect(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => flatVals[p * 30 + c])).size).toBe(1);
    [x, y, x2, y2].forEach((t) => t.dispose());
  });

  test('gaussianNoise adds noise of the given stddev in training only', () => {
    const x = tensor(new Float32Array(5000).fill(2), [50, 100]);
    const y = gaussianNoise({ stddev: 0.5, seed: 2 }).apply(x, { training: true }) as ReturnType<typeof tensor>;
    const v = Array.from(y.dataSync());
    const m = v.reduce((a, b) => a + b) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
    expect(m).toBeCloseTo(2, 1);
    expect(sd).toBeGreaterThan(0.45);
    expect(sd).toBeLessThan(0.55);
    [x, y].forEach((t) => t.dispose());
  });

  test('bad rate is a clear error', () => {
    expect(() => dropout({ rate: 1.5 })).toThrow(/dropout: invalid options:[\s\S]*'rate': expected a value <= 1, got 1.5/);
  });
});
