import { timeDistributed } from './index';
import { dense } from '../core/dense';
import { layerTest } from '../__tests__/layer-test';
import { vecMat } from '../recurrent/__tests__/cell-reference';
import { input } from '../../models';
import type { SymbolicTensor } from '../base/symbolic';

layerTest('timeDistributed(dense)', {
  make: () => timeDistributed({ layer: dense({ units: 3, activation: 'tanh' }) }),
  inputShapes: [[2, 4, 2]],
  expectedShape: [2, 4, 3],
  reference: ([x], [w, b]) => {
    const out: number[] = [];
    for (let r = 0; r < 8; r++) out.push(...vecMat(x!.slice(r * 2, r * 2 + 2), w!, 3).map((v, j) => Math.tanh(v + b![j]!)));
    return out;
  },
});

describe('timeDistributed details', () => {
  test('one set of weights for all steps; shapes with unknown time', () => {
    const l = timeDistributed({ layer: dense({ units: 5 }) });
    const y = l.apply(input({ shape: [null, 7] })) as SymbolicTensor;
    expect(y.shape).toEqual([null, null, 5]);
    expect(l.weights.map((w) => w.shape)).toEqual([[7, 5], [5]]);
  });
  test('a rank-2 input is a clear error', () => {
    const l = timeDistributed({ layer: dense({ units: 5 }), name: 'td' });
    expect(() => l.apply(input({ shape: [3] }))).toThrow(/Layer 'td' \(TimeDistributed\) expects its input of rank >= 3/);
  });
});
