import { bidirectional } from './index';
import { lstm, simpleRNN, gru } from '../recurrent';
import { dense } from '../core/dense';
import { layerTest } from '../__tests__/layer-test';
import { lstmStep, runRef, simpleStep, gruStep } from '../recurrent/__tests__/cell-reference';
import { input } from '../../models';
import type { SymbolicTensor } from '../base/symbolic';

const shape = [2, 4, 2];
const [B, T] = shape as [number, number];

/** [batch, time, u] in processing order of a backward run -> time order. */
function backToTimeOrder(seq: number[], u: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < B; s++) for (let t = T - 1; t >= 0; t--) out.push(...seq.slice((s * T + t) * u, (s * T + t + 1) * u));
  return out;
}

/** Interleave two [rows, u] arrays along the last axis. */
function concatLast(a: number[], b: number[], u: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < a.length / u; r++) out.push(...a.slice(r * u, (r + 1) * u), ...b.slice(r * u, (r + 1) * u));
  return out;
}

layerTest('bidirectional(lstm) concat', {
  make: () => bidirectional({ layer: lstm({ units: 3 }) }),
  inputShapes: [shape],
  expectedShape: [2, 6],
  reference: ([x], w) => {
    const f = runRef(x!, shape, lstmStep(w.slice(0, 3), 3), [3, 3]);
    const b = runRef(x!, shape, lstmStep(w.slice(3), 3), [3, 3], true);
    return concatLast(f.last, b.last, 3);
  },
});

layerTest('bidirectional(simpleRNN, returnSequences) ave', {
  make: () => bidirectional({ layer: simpleRNN({ units: 3, returnSequences: true }), mergeMode: 'ave' }),
  inputShapes: [shape],
  expectedShape: [2, 4, 3],
  reference: ([x], w) => {
    const f = runRef(x!, shape, simpleStep(w.slice(0, 3), 3), [3]).sequence;
    const b = backToTimeOrder(runRef(x!, shape, simpleStep(w.slice(3), 3), [3], true).sequence, 3);
    return f.map((v, i) => (v + b[i]!) / 2);
  },
});

layerTest('bidirectional(gru) sum and mul and null', {
  make: () => bidirectional({ layer: gru({ units: 3, returnSequences: true }), mergeMode: null }),
  inputShapes: [shape],
  expectedShape: [[2, 4, 3], [2, 4, 3]],
  reference: ([x], w) => [
    runRef(x!, shape, gruStep(w.slice(0, 3), 3, false), [3]).sequence,
    backToTimeOrder(runRef(x!, shape, gruStep(w.slice(3), 3, false), [3], true).sequence, 3),
  ],
});

layerTest('bidirectional(simpleRNN) mul with returnState', {
  make: () => bidirectional({ layer: simpleRNN({ units: 3, returnState: true }), mergeMode: 'mul' }),
  inputShapes: [shape],
  expectedShape: [[2, 3], [2, 3], [2, 3]],
  reference: ([x], w) => {
    const f = runRef(x!, shape, simpleStep(w.slice(0, 3), 3), [3]);
    const b = runRef(x!, shape, simpleStep(w.slice(3), 3), [3], true);
    return [f.last.map((v, i) => v * b.last[i]!), f.states[0]!, b.states[0]!];
  },
});

describe('bidirectional details', () => {
  test('sum adds the directions; weights are forward then backward', () => {
    const l = bidirectional({ layer: simpleRNN({ units: 2, name: 'fw' }), mergeMode: 'sum' });
    const y = l.apply(input({ shape: [5, 3] })) as SymbolicTensor;
    expect(y.shape).toEqual([null, 2]);
    expect(l.weights.map((w) => w.name)).toEqual([
      'fw/simple_rnn_cell/kernel', 'fw/simple_rnn_cell/recurrent_kernel', 'fw/simple_rnn_cell/bias',
      'backward_fw/simple_rnn_cell/kernel', 'backward_fw/simple_rnn_cell/recurrent_kernel', 'backward_fw/simple_rnn_cell/bias',
    ]);
    expect(l.backwardLayer.goBackwards).toBe(true);
  });
  test('only recurrent layers can be wrapped; bad merge modes are named', () => {
    expect(() => bidirectional({ layer: dense({ units: 2 }) as never })).toThrow(/bidirectional: invalid options:[\s\S]*'layer'/);
    expect(() => bidirectional({ layer: lstm({ units: 2 }), mergeMode: 'max' as never })).toThrow(/'mergeMode': expected one of 'concat', 'sum', 'mul', 'ave'/);
  });
});
