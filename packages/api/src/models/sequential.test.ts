import '@lamina/backend-cpu';
import { tensor, memory, tidy, variableGrads, mean, square, sub, mul, setSeed, type Tensor } from '../index';
import * as layers from '../layers';
import { sequential, input, modelFromJSON, Sequential } from './index';

function mnistCnn(): Sequential {
  return sequential({
    layers: [
      layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1] }),
      layers.batchNormalization(),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.flatten(),
      layers.dropout({ rate: 0.25, seed: 1 }),
      layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
}

describe('sequential', () => {
  test('a small MNIST-style CNN builds with checked shapes, summarizes and trains', () => {
    setSeed(1);
    const before = memory().numTensors;
    const m = mnistCnn();
    expect(m.outputShapes).toEqual([[null, 3]]);
    expect(m.layers.map((l) => l.getClassName())).toEqual(['Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense']);
    const lines: string[] = [];
    m.summary(undefined, undefined, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toMatch(/conv2d_\d+ \(Conv2D\)\s+\[null,6,6,4\]\s+40/);
    expect(text).toMatch(/flatten_\d+ \(Flatten\)\s+\[null,36\]\s+0/);
    expect(text).toMatch(/dense_\d+ \(Dense\)\s+\[null,3\]\s+111/);
    // 40 + 16 (bn) + 111; bn moving stats (8) are non-trainable
    expect(text).toContain('Total params: 167');
    expect(text).toContain('Trainable params: 159');
    expect(text).toContain('Non-trainable params: 8');

    const x = tensor(Float32Array.from({ length: 4 * 64 }, (_, i) => Math.sin(i)), [4, 8, 8, 1]);
    const y = tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    const loss = (): Tensor => {
      const [p] = m.apply([x], { training: true });
      return mean(square(sub(p!, y)));
    };
    const start = memory().numTensors;
    const first = tidy(() => loss().scalarValue());
    for (let i = 0; i < 8; i++) {
      const { value, grads } = variableGrads(loss, m.trainableWeights);
      value.dispose();
      for (const v of m.trainableWeights) {
        const next = tidy(() => sub(v, mul(grads[v.name]!, 0.5)));
        v.assign(next);
        next.dispose();
      }
      Object.values(grads).forEach((g) => g.dispose());
    }
    expect(memory().numTensors).toBe(start);
    const last = tidy(() => loss().scalarValue());
    expect(last).toBeLessThan(first);
    m.dispose();
    x.dispose();
    y.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('dispose frees every weight; inference passes leave the tensor count unchanged', () => {
    const before = memory().numTensors;
    const m = mnistCnn();
    const x = tensor(Float32Array.from({ length: 64 }, (_, i) => i / 64), [1, 8, 8, 1]);
    const afterBuild = memory().numTensors;
    const p = m.apply(x) as Tensor;
    expect(p.shape).toEqual([1, 3]);
    expect(memory().numTensors).toBe(afterBuild + 1);
    p.dispose();
    x.dispose();
    m.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('wrong input sizes fail at definition time naming the layer and shapes', () => {
    const m = sequential();
    m.add(layers.dense({ units: 4, inputShape: [3], name: 'first' }));
    expect(() => m.add(layers.conv2d({ filters: 2, kernelSize: 2, name: 'convX' }))).toThrow(/Layer 'convX' \(Conv2D\) expects its input of rank 4.*\[null,4\]/);
    const other = layers.dense({ units: 2, name: 'd2' });
    other.apply(input({ shape: [5] }));
    expect(() => m.add(other)).toThrow(/Layer 'd2' \(Dense\) expects its input with size 5 on axis -1.*given shape \[null,4\]/);
    m.dispose();
  });

  test('deferred input shape builds on first call; getWeights/setWeights order; JSON round trip', () => {
    const m = sequential({ layers: [layers.dense({ units: 3 }), layers.batchNormalization(), layers.dense({ units: 2 })] });
    const x = tensor([[1, 2], [3, 4]]);
    (m.apply(x) as Tensor).dispose();
    const names = m.weights.map((w) => w.name.replace(/_\d+/, '').replace(/^(\w+?)\//, '$1/'));
    expect(names.map((n) => n.split('/')[1])).toEqual(['kernel', 'bias', 'gamma', 'beta', 'kernel', 'bias', 'moving_mean', 'moving_variance']);
    const ws = m.getWeights();
    const copy = modelFromJSON(m.toJSON() as string) as Sequential;
    expect(copy).toBeInstanceOf(Sequential);
    expect(copy.layers.map((l) => l.getClassName())).toEqual(['Dense', 'BatchNormalization', 'Dense']);
    copy.setWeights(ws);
    const a = m.apply(x) as Tensor;
    const b = copy.apply(x) as Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    const json = JSON.parse(m.toJSON() as string);
    expect(json.class_name).toBe('Sequential');
    expect(json.config.layers[0].class_name).toBe('InputLayer');
    expect(json.config.layers[1].config.kernel_initializer.class_name).toBe('GlorotUniform');
    [a, b, x, ...ws].forEach((t) => t.dispose());
    m.dispose();
    copy.dispose();
  });
});
