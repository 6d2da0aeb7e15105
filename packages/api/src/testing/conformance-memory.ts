import type { Backend } from '../backend/backend';
import { grad, valueAndGrads } from '../autodiff/grad';
import { memory, tidy } from '../engine/scope';
import * as ops from '../ops';
import { tensor } from '../tensor/create';
import { variable } from '../tensor/variable';
import { variableGrads } from '../autodiff/grad';

export function runMemoryConformance(backend: () => Backend): void {
  describe('memory ownership', () => {
    const counts = () => ({ tensors: memory().numTensors, handles: backend().numHandles() });

    test('ops inside tidy leave only the result', () => {
      const before = counts();
      const y = tidy(() => {
        const x = tensor([1, 2, 3, 4], [2, 2]);
        return ops.softmax(ops.matMul(x, x).relu().add(1));
      });
      expect(counts()).toEqual({ tensors: before.tensors + 1, handles: before.handles + 1 });
      y.dispose();
      expect(counts()).toEqual(before);
    });

    test('grad frees the tape; only the gradient survives', () => {
      const x = tensor([0.5, -1, 2]);
      const before = counts();
      const g = grad((t) => ops.sum(ops.mul(ops.sigmoid(t), ops.exp(t))))(x);
      expect(counts()).toEqual({ tensors: before.tensors + 1, handles: before.handles + 1 });
      g.dispose();
      const { value, grads } = valueAndGrads((a, b) => ops.sum(ops.matMul(a!, b!)))([tensor([[1, 2]]), tensor([[3], [4]])]);
      expect(value.scalarValue()).toBe(11);
      value.dispose();
      grads.forEach((t) => t.dispose());
      x.dispose();
      expect(counts().handles).toBe(before.handles - 1 + 2);
    });

    test('tensors disposed inside a gradient function are freed after backward', () => {
      const v = variable(tensor([1, 2, 3]));
      const before = counts();
      const { value, grads } = variableGrads(() => {
        const inner = tidy(() => ops.square(v).mul(2));
        return ops.sum(inner);
      }, [v]);
      expect(Array.from(grads[v.name]!.dataSync())).toEqual([4, 8, 12]);
      value.dispose();
      Object.values(grads).forEach((t) => t.dispose());
      expect(counts()).toEqual(before);
      v.dispose();
    });

    test('variable assign swaps storage without leaking', () => {
      const v = variable(tensor([1, 2]));
      const before = counts();
      for (let i = 0; i < 3; i++) tidy(() => v.assign(ops.add(v, 1)));
      expect(Array.from(v.dataSync())).toEqual([4, 5]);
      expect(counts()).toEqual(before);
      v.dispose();
    });
  });
}
