import '@lamina/backend-cpu';
import { tensor, memory, tidy, variableGrads, mean, square, sub, mul, add, sum, type Tensor } from '../index';
import * as layers from '../layers';
import { Layer, type CallArgs } from '../layers';
import { input, model, modelFromJSON, sequential, LayersModel, SymbolicTensor } from './index';
import { registerLayer } from '../layers';

/** Two inputs, two outputs, one dense layer shared by both branches. */
function twoTower(): { m: LayersModel; shared: layers.Dense } {
  const a = input({ shape: [3], name: 'a' });
  const b = input({ shape: [3], name: 'b' });
  const shared = layers.dense({ units: 4, activation: 'tanh', name: 'shared' });
  const ha = shared.apply(a) as SymbolicTensor;
  const hb = shared.apply(b) as SymbolicTensor;
  const merged = layers.concatenate({ name: 'cat' }).apply([ha, hb]) as SymbolicTensor;
  const score = layers.dense({ units: 1, name: 'score' }).apply(merged) as SymbolicTensor;
  const diff = layers.subtract({ name: 'diff' }).apply([ha, hb]) as SymbolicTensor;
  const m = model({ inputs: [a, b], outputs: [score, diff], name: 'towers' });
  return { m, shared };
}

describe('functional model', () => {
  test('two inputs, two outputs and a shared layer: build, summary, forward, backward', () => {
    const before = memory().numTensors;
    const { m, shared } = twoTower();
    expect(m.inputNames).toEqual(['a', 'b']);
    expect(m.outputNames).toEqual(['score', 'diff']);
    expect(m.outputShapes).toEqual([[null, 1], [null, 4]]);
    // one set of weights for the shared layer
    expect(m.weights.length).toBe(4);
    expect(m.countParams()).toBe(16 + 9);
    expect(m.getLayer('shared')).toBe(shared);
    expect(m.layers.map((l) => l.name)).toEqual(['a', 'b', 'shared', 'cat', 'score', 'diff']);

    const lines: string[] = [];
    m.summary(undefined, undefined, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toMatch(/shared \(Dense\)\s+\[null,4\]\s+16\s+a\[0\]\[0\]\n\s+b\[0\]\[0\]/);
    expect(text).toMatch(/cat \(Concatenate\)\s+\[null,8\]\s+0\s+shared\[0\]\[0\]\n\s+shared\[1\]\[0\]/);
    expect(text).toContain('Total params: 25');

    const xa = tensor([[1, 2, 3], [0, -1, 0.5]]);
    const xb = tensor([[0.5, 0, -1], [2, 1, 0]]);
    const [score, diff] = m.apply([xa, xb]);
    expect(score!.shape).toEqual([2, 1]);
    // independent check of the diff output: tanh(xa W + b) - tanh(xb W + b)
    const sw = shared.getWeights();
    const [w, bias] = sw.map((t) => t.arraySync() as number[][]);
    sw.forEach((t) => t.dispose());
    const h = (x: number[]): number[] => [0, 1, 2, 3].map((u) => Math.tanh(x.reduce((s, v, i) => s + v * w![i]![u]!, (bias as unknown as number[])[u]!)));
    const want = [[1, 2, 3], [0, -1, 0.5]].map((r, i) => h(r).map((v, u) => v - h([[0.5, 0, -1], [2, 1, 0]][i]!)[u]!));
    (diff!.arraySync() as number[][]).forEach((row, i) => row.forEach((v, u) => expect(v).toBeCloseTo(want[i]![u]!, 5)));

    const loss = (): Tensor => {
      const [s, d] = m.apply([xa, xb], { training: true });
      return add(mean(square(sub(s!, 1))), mean(square(d!)));
    };
    const first = tidy(() => loss().scalarValue());
    const count = memory().numTensors;
    for (let i = 0; i < 5; i++) {
      const { value, grads } = variableGrads(loss, m.trainableWeights);
      value.dispose();
      expect(Object.keys(grads).length).toBe(4);
      for (const v of m.trainableWeights) {
        const next = tidy(() => sub(v, mul(grads[v.name]!, 0.1)));
        v.assign(next);
        next.dispose();
      }
      Object.values(grads).forEach((g) => g.dispose());
    }
    expect(memory().numTensors).toBe(count);
    expect(tidy(() => loss().scalarValue())).toBeLessThan(first);
    [score!, diff!, xa, xb].forEach((t) => t.dispose());
    m.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('JSON round trip rebuilds the graph (shared layer included) and gives the same outputs', () => {
    const { m } = twoTower();
    const copy = modelFromJSON(m.toJSON() as string);
    expect(copy.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'InputLayer', 'Dense', 'Concatenate', 'Dense', 'Subtract']);
    expect(copy.weights.length).toBe(4);
    const ws = m.getWeights();
    copy.setWeights(ws);
    const xs = [tensor([[1, 2, 3]]), tensor([[3, 2, 1]])];
    const a = m.apply(xs);
    const b = copy.apply(xs);
    a.forEach((t, i) => expect(Array.from(b[i]!.dataSync())).toEqual(Array.from(t.dataSync())));
    const json = JSON.parse(m.toJSON() as string);
    expect(json.class_name).toBe('Functional');
    expect(json.config.input_layers).toEqual([['a', 0, 0], ['b', 0, 0]]);
    expect(json.config.layers[2].inbound_nodes.length).toBe(2);
    [...ws, ...xs, ...a, ...b].forEach((t) => t.dispose());
    m.dispose();
    copy.dispose();
  });

  test('graph errors: disconnected inputs and wrong input sizes are named', () => {
    const a = input({ shape: [2], name: 'in_a' });
    const b = input({ shape: [2], name: 'in_b' });
    const y = layers.add().apply([a, b]) as SymbolicTensor;
    expect(() => model({ inputs: a, outputs: y })).toThrow(/graph disconnected.*'in_b'/);
    const m = model({ inputs: [a, b], outputs: y, name: 'adder' });
    const bad = tensor([[1, 2, 3]]);
    expect(() => m.apply([bad, bad])).toThrow(/Layer 'adder' \(Functional\) expects input 0 with size 2 on axis 1.*\[1,3\]/);
    bad.dispose();
  });

  test('models nest as layers; training reaches dropout and batch norm inside; freezing a nested model', () => {
    const inner = sequential({ layers: [layers.dense({ units: 4, inputShape: [3] }), layers.batchNormalization(), layers.dropout({ rate: 0.5, seed: 1 })], name: 'inner' });
    const x = input({ shape: [3] });
    const h = inner.apply(x) as SymbolicTensor;
    const y = layers.dense({ units: 2 }).apply(h) as SymbolicTensor;
    const outer = model({ inputs: x, outputs: y });
    expect(outer.weights.length).toBe(2 + 4 + 2);
    const bn = inner.layers[1] as layers.BatchNormalization;
    const data = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, 1, 0]]);
    const mm0 = Array.from(bn.movingMean.dataSync());
    const p1 = outer.apply(data, { training: false }) as Tensor;
    const p2 = outer.apply(data, { training: false }) as Tensor;
    expect(Array.from(p1.dataSync())).toEqual(Array.from(p2.dataSync())); // inference is deterministic
    expect(Array.from(bn.movingMean.dataSync())).toEqual(mm0);
    const p3 = outer.apply(data, { training: true }) as Tensor;
    expect(Array.from(bn.movingMean.dataSync())).not.toEqual(mm0); // batch norm saw training
    expect(Array.from(p3.dataSync())).not.toEqual(Array.from(p1.dataSync()));
    inner.trainable = false;
    expect(outer.trainableWeights.length).toBe(2);
    expect(outer.nonTrainableWeights.length).toBe(6);
    const mm1 = Array.from(bn.movingMean.dataSync());
    (outer.apply(data, { training: true }) as Tensor).dispose();
    expect(Array.from(bn.movingMean.dataSync())).toEqual(mm1); // frozen batch norm runs in inference mode
    [p1, p2, p3, data].forEach((t) => t.dispose());
    outer.dispose();
  });

  test('regularizers feed regularizationLosses; constraints are applied by applyConstraints', () => {
    const d = layers.dense({ units: 2, inputShape: [2], kernelRegularizer: 'l2', biasRegularizer: { className: 'L1L2', config: { l1: 0.5, l2: 0 } }, kernelConstraint: 'nonNeg' });
    const m = sequential({ layers: [d] });
    const k = tensor([[1, -2], [3, -4]]);
    const b = tensor([-1, 2]);
    m.setWeights([k, b]);
    const losses = m.regularizationLosses();
    expect(losses.map((l) => l.scalarValue())).toEqual([expect.closeTo(0.01 * 30, 6), expect.closeTo(0.5 * 3, 6)]);
    // the penalty is on the tape: its gradient reaches the kernel
    const { value, grads } = variableGrads(() => sum(m.regularizationLosses()[0]!), [d.kernel]);
    expect(Array.from(grads[d.kernel.name]!.dataSync()).map((v) => Number(v.toFixed(4)))).toEqual([0.02, -0.04, 0.06, -0.08]);
    m.applyConstraints();
    expect(Array.from(d.kernel.dataSync())).toEqual([1, 0, 3, 0]);
    [k, b, value, ...losses, ...Object.values(grads)].forEach((t) => t.dispose());
    m.dispose();
  });

  test('a user-defined layer registers, serializes and reloads with the model', () => {
    class Scale extends Layer {
      static override className = 'Scale';
      readonly factor: number;
      constructor(args: { factor: number; name?: string }) {
        super({ name: args.name });
        this.factor = args.factor;
      }
      override build(): void {
        this.addWeight('alpha', [1], 'float32', 'ones');
      }
      call(inputs: Tensor | Tensor[], _k: CallArgs): Tensor {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        return mul(mul(x, this.weights[0]!), this.factor);
      }
      override getConfig(): Record<string, unknown> {
        return { ...super.getConfig(), factor: this.factor };
      }
    }
    registerLayer('Scale', Scale);
    const x = input({ shape: [2] });
    const m = model({ inputs: x, outputs: new Scale({ factor: 3 }).apply(x) as SymbolicTensor });
    const copy = modelFromJSON(m.toJSON() as string);
    expect(copy.layers[1]).toBeInstanceOf(Scale);
    expect((copy.layers[1] as Scale).factor).toBe(3);
    const t = tensor([[1, 2]]);
    const y = copy.apply(t) as Tensor;
    expect(Array.from(y.dataSync())).toEqual([3, 6]);
    [t, y].forEach((v) => v.dispose());
    m.dispose();
    copy.dispose();
    expect(() => modelFromJSON('{"class_name":"Functional","config":{"name":"m","layers":[{"name":"q","class_name":"Nope","config":{},"inbound_nodes":[]}],"input_layers":[],"output_layers":[]}}')).toThrow(/Unknown layer class 'Nope'.*registerLayer/);
  });
});
