import { embedding } from './index';
import { layerTest } from '../__tests__/layer-test';
import { tensor } from '../../index';

const ids = [0, 3, 4, 1, 1, 2];

/** Row lookup in plain JS: out[k, :] = table[ids[k], :]. */
function lookupRef(x: number[], table: number[], outDim: number): number[] {
  return x.flatMap((id) => table.slice(id * outDim, (id + 1) * outDim));
}

layerTest('embedding', {
  make: () => embedding({ inputDim: 5, outputDim: 3 }),
  inputShapes: [[2, 3]],
  inputDtype: 'int32',
  inputValues: [ids],
  expectedShape: [2, 3, 3],
  reference: ([x], [table]) => lookupRef(x!, table!, 3),
});

describe('embedding options', () => {
  test('default initializer is uniform in [-0.05, 0.05] (tfjs-layers)', () => {
    const e = embedding({ inputDim: 40, outputDim: 30 });
    const y = e.apply(tensor(Int32Array.from([1, 2]), [2], 'int32')) as ReturnType<typeof tensor>;
    const v = Array.from(e.embeddings.dataSync());
    expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(0.05);
    expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(0.04);
    expect(y.shape).toEqual([2, 30]);
    y.dispose();
    e.dispose();
  });
  test('inputLength gives the input shape; maskZero is accepted and kept in the config', () => {
    const e = embedding({ inputDim: 4, outputDim: 2, inputLength: 7, maskZero: true });
    expect(e.batchInputShape).toEqual([null, 7]);
    expect(e.getConfig()).toMatchObject({ inputLength: 7, maskZero: true });
  });
  test('bad options are clear errors', () => {
    expect(() => embedding({ inputDim: 0, outputDim: 2 })).toThrow(/embedding: invalid options:[\s\S]*'inputDim'/);
    expect(() => embedding({ outputDim: 2 } as never)).toThrow(/'inputDim': expected number, got nothing/);
  });
});
