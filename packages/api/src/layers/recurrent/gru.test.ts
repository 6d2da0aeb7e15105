import { gru, gruCell } from './index';
import { layerTest, seededValues } from '../__tests__/layer-test';
import { gruStep, runRef } from './__tests__/cell-reference';
import { Tensor, tensor } from '../../index';

const shape = [2, 4, 2];

layerTest('gru (resetAfter false, the tfjs-layers default)', {
  make: () => gru({ units: 3 }),
  inputShapes: [shape],
  expectedShape: [2, 3],
  reference: ([x], w) => runRef(x!, shape, gruStep(w, 3, false), [3]).last,
});

layerTest('gru resetAfter true returnSequences', {
  make: () => gru({ units: 3, resetAfter: true, returnSequences: true }),
  inputShapes: [shape],
  expectedShape: [2, 4, 3],
  reference: ([x], w) => runRef(x!, shape, gruStep(w, 3, true), [3]).sequence,
});

describe('gru details', () => {
  test('bias is [3u], or [2, 3u] with resetAfter; defaults as tfjs-layers', () => {
    const x = tensor(Float32Array.from(seededValues(16)), [2, 4, 2]);
    const a = gru({ units: 3 });
    const b = gru({ units: 3, resetAfter: true, returnState: true });
    (a.apply(x) as Tensor).dispose();
    (b.apply(x) as Tensor[]).forEach((t) => t.dispose());
    expect(a.weights.map((w) => w.shape)).toEqual([[2, 9], [3, 9], [9]]);
    expect(b.weights.map((w) => w.shape)).toEqual([[2, 9], [3, 9], [2, 9]]);
    expect(a.getConfig()).toMatchObject({ resetAfter: false, recurrentActivation: 'hardSigmoid' });
    [a, b].forEach((l) => l.dispose());
    x.dispose();
  });

  test('the cell alone returns [output, state] and equals one layer step', () => {
    const cell = gruCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
    const x = tensor([[0.1, -0.2]]);
    const h = tensor([[0.3, 0.4]]);
    const [out, state] = cell.apply([x, h]) as Tensor[];
    // kernel/recurrent all ones, zero bias: every gate pre-activation is sum(x) (+ sum(h) for z, r)
    const zr = Math.min(1, Math.max(0, 0.2 * (-0.1 + 0.7) + 0.5));
    const hh = Math.tanh(-0.1 + zr * 0.3 + zr * 0.4);
    const want = [0.3, 0.4].map((hv) => zr * hv + (1 - zr) * hh);
    Array.from(out!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    expect(Array.from(state!.dataSync())).toEqual(Array.from(out!.dataSync()));
    [x, h, out!, state!].forEach((t) => t.dispose());
    cell.dispose();
  });
});
