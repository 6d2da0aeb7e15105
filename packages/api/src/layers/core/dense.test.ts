import { dense } from '../index';
import { layerTest } from '../__tests__/layer-test';

/** y = x W + b in plain JS. */
function denseRef(x: number[], xs: number[], w: number[], b: number[] | null, units: number, act: (v: number) => number): number[] {
  const inDim = xs[xs.length - 1]!;
  const rows = x.length / inDim;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < units; u++) {
      let s = b ? b[u]! : 0;
      for (let i = 0; i < inDim; i++) s += x[r * inDim + i]! * w[i * units + u]!;
      out.push(act(s));
    }
  }
  return out;
}

layerTest('dense', {
  make: () => dense({ units: 3, inputShape: [4] }),
  inputShapes: [[2, 4]],
  expectedShape: [2, 3],
  reference: ([x], [w, b], s) => denseRef(x!, s.x[0]!, w!, b!, 3, (v) => v),
});

layerTest('dense tanh on rank 3, no bias', {
  make: () => dense({ units: 2, activation: 'tanh', useBias: false }),
  inputShapes: [[2, 3, 4]],
  expectedShape: [2, 3, 2],
  reference: ([x], [w], s) => denseRef(x!, s.x[0]!, w!, null, 2, Math.tanh),
});

describe('dense options', () => {
  test('bad options are clear errors naming the layer, field, expected and given', () => {
    expect(() => dense({ units: 'three' as unknown as number })).toThrow(/dense: invalid options:[\s\S]*'units': expected number, got the string "three"/);
    expect(() => dense({ units: 3, unitz: 4 } as never)).toThrow(/unknown option 'unitz'/);
    expect(() => dense({ units: 3, activation: 'rellu' })).toThrow(/unknown activation 'rellu'/);
  });
  test('defaults: glorotUniform kernel within its limit, zero bias', () => {
    const d = dense({ units: 50, inputShape: [30] });
    d.build([null, 30]);
    const limit = Math.sqrt(6 / 80);
    const k = Array.from(d.kernel.dataSync());
    expect(Math.max(...k.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...k.map(Math.abs))).toBeGreaterThan(limit * 0.8);
    expect(Array.from(d.bias!.dataSync()).every((v) => v === 0)).toBe(true);
    d.dispose();
  });
});

test('a tfjs-layers MNIST definition ports unchanged', () => {
  const { sequential } = jest.requireActual('../../models');
  const L = jest.requireActual('../index');
  const m = sequential();
  m.add(L.conv2d({ inputShape: [12, 12, 1], kernelSize: 5, filters: 8, strides: 1, activation: 'relu', kernelInitializer: 'varianceScaling' }));
  m.add(L.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
  m.add(L.flatten());
  m.add(L.dense({ units: 10, kernelInitializer: 'varianceScaling', activation: 'softmax' }));
  expect(m.outputShapes).toEqual([[null, 10]]);
  expect(m.countParams()).toBe(8 * 26 + (4 * 4 * 8) * 10 + 10);
  expect(() => L.conv2d({ filters: 8, kernelSize: 5, name: 'c1', padding: 'full' })).toThrow(/conv2d 'c1': invalid options:[\s\S]*'padding': expected one of 'valid', 'same', 'causal', got the string "full"/);
  m.dispose();
});
