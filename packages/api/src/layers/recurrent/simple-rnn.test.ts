import { simpleRNN } from './index';
import { layerTest } from '../__tests__/layer-test';
import { runRef, simpleStep } from './__tests__/cell-reference';
import { tensor, zeros } from '../../index';
import { input } from '../../models';

const shape = [2, 4, 2];

layerTest('simpleRNN', {
  make: () => simpleRNN({ units: 3 }),
  inputShapes: [shape],
  expectedShape: [2, 3],
  reference: ([x], w) => runRef(x!, shape, simpleStep(w, 3), [3]).last,
});

layerTest('simpleRNN returnSequences goBackwards sigmoid', {
  make: () => simpleRNN({ units: 3, returnSequences: true, goBackwards: true, activation: 'sigmoid' }),
  inputShapes: [shape],
  expectedShape: [2, 4, 3],
  reference: ([x], w) => runRef(x!, shape, simpleStep(w, 3, (v) => 1 / (1 + Math.exp(-v))), [3], true).sequence,
});

describe('simpleRNN checks', () => {
  test('a rank-2 input is a definition-time error naming the layer and shapes', () => {
    const l = simpleRNN({ units: 3, name: 'rnn_a' });
    expect(() => l.apply(input({ shape: [5] }))).toThrow(/Layer 'rnn_a' \(SimpleRNN\) expects its input of rank 3.*given shape \[null,5\] \(rank 2\)/);
  });
  test('a wrong feature size after build is an error', () => {
    const l = simpleRNN({ units: 3 });
    l.apply(input({ shape: [4, 2] }));
    expect(() => l.apply(input({ shape: [4, 5] }))).toThrow(/size 2 on axis -1/);
  });
  test('stateful: true is refused with the reason', () => {
    expect(() => simpleRNN({ units: 3, stateful: true })).toThrow(/simpleRNN: invalid options:[\s\S]*'stateful'[\s\S]*not supported/);
  });
  test('inputDim/inputLength give the input shape; unroll is accepted', () => {
    const l = simpleRNN({ units: 2, inputDim: 3, inputLength: 5, unroll: true });
    expect(l.batchInputShape).toEqual([null, 5, 3]);
  });
  test('initialState is used and checked', () => {
    const l = simpleRNN({ units: 2, useBias: false, recurrentInitializer: 'ones', kernelInitializer: 'zeros', activation: 'linear' });
    const x = zeros([1, 3, 2]);
    const h0 = tensor([[1, 2]]);
    // zero kernel, all-ones recurrent kernel: h_t = [sum h_{t-1}, sum h_{t-1}]
    const y = l.apply(x, { initialState: [h0] }) as ReturnType<typeof tensor>;
    expect(Array.from(y.dataSync())).toEqual([12, 12]);
    expect(() => l.apply(x, { initialState: [zeros([2, 2])] })).toThrow(/initialState must be 1 tensor\(s\) of shape \[1,2\], got \[2,2\]/);
    [x, h0, y].forEach((t) => t.dispose());
    l.dispose();
  });
});
