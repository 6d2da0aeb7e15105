import { lstm, lstmCell, rnn } from './index';
import { layerTest, seededValues } from '../__tests__/layer-test';
import { lstmStep, runRef, acts } from './__tests__/cell-reference';
import { Tensor, tensor, memory } from '../../index';

const shape = [2, 4, 2];

layerTest('lstm', {
  make: () => lstm({ units: 3 }),
  inputShapes: [shape],
  expectedShape: [2, 3],
  reference: ([x], w) => runRef(x!, shape, lstmStep(w, 3), [3, 3]).last,
});

layerTest('lstm returnSequences returnState goBackwards sigmoid', {
  make: () => lstm({ units: 3, returnSequences: true, returnState: true, goBackwards: true, recurrentActivation: 'sigmoid' }),
  inputShapes: [shape],
  expectedShape: [[2, 4, 3], [2, 3], [2, 3]],
  reference: ([x], w) => {
    const r = runRef(x!, shape, lstmStep(w, 3, acts.sigmoid), [3, 3], true);
    return [r.sequence, ...r.states];
  },
});

layerTest('rnn({cell: lstmCell}) matches the LSTM equations', {
  make: () => rnn({ cell: lstmCell({ units: 3 }) }),
  inputShapes: [shape],
  expectedShape: [2, 3],
  reference: ([x], w) => runRef(x!, shape, lstmStep(w, 3), [3, 3]).last,
});

describe('lstm details', () => {
  test('weights: kernel [in, 4u], recurrent_kernel [u, 4u], bias [4u] with the f block at 1', () => {
    const l = lstm({ units: 3, name: 'lstm_w' });
    const x = tensor(Float32Array.from(seededValues(16)), [2, 4, 2]);
    (l.apply(x) as Tensor).dispose();
    expect(l.weights.map((w) => [w.name, w.shape])).toEqual([
      ['lstm_w/lstm_cell/kernel', [2, 12]], ['lstm_w/lstm_cell/recurrent_kernel', [3, 12]], ['lstm_w/lstm_cell/bias', [12]],
    ]);
    expect(Array.from(l.cell.bias!.dataSync())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const noForget = lstm({ units: 2, unitForgetBias: false, biasInitializer: 'ones' });
    (noForget.apply(x) as Tensor).dispose();
    expect(Array.from(noForget.cell.bias!.dataSync())).toEqual(new Array(8).fill(1));
    expect(l.getConfig()).toMatchObject({ recurrentActivation: 'hardSigmoid', activation: 'tanh', unitForgetBias: true, units: 3 });
    [l, noForget].forEach((k) => k.dispose());
    x.dispose();
  });

  test('dropout and recurrentDropout act in training only and leave nothing behind', () => {
    const l = lstm({ units: 4, dropout: 0.5, recurrentDropout: 0.5 });
    const x = tensor(Float32Array.from(seededValues(2 * 5 * 3)), [2, 5, 3]);
    const a = l.apply(x) as Tensor;
    const before = memory().numTensors;
    const b = l.apply(x) as Tensor;
    const t1 = l.apply(x, { training: true }) as Tensor;
    const t2 = l.apply(x, { training: true }) as Tensor;
    expect(memory().numTensors).toBe(before + 3);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(Array.from(t1.dataSync())).not.toEqual(Array.from(a.dataSync()));
    expect(Array.from(t1.dataSync())).not.toEqual(Array.from(t2.dataSync()));
    [a, b, t1, t2, x].forEach((t) => t.dispose());
    l.dispose();
  });

  test('bad options name the layer and field', () => {
    expect(() => lstm({ units: 3, dropout: 2 })).toThrow(/lstm: invalid options:[\s\S]*'dropout': expected a value <= 1, got 2/);
    expect(() => lstm({ units: 3, recurrentActivation: 'sigmod' })).toThrow(/unknown activation 'sigmod'/);
    expect(() => rnn({ cell: { className: 'Dense', config: { units: 2 } } })).toThrow(/'cell' must be an RNN cell/);
  });
});
