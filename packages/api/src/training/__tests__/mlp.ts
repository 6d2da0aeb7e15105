import { add, matMul, relu, softmax, sigmoid, mul, sum, square } from '../../index';
import { randomUniform } from '../../tensor/create';
import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { variable, type Variable } from '../../tensor/variable';
import type { TrainableModel } from '../model-contract';

let nextId = 0;

export interface MlpOptions { hidden?: number; activation?: 'softmax' | 'sigmoid' | 'linear'; l2?: number; outputs?: number }

/** A real 2-layer MLP made of Variables, standing in for LayersModel in the loop's tests. */
export class Mlp implements TrainableModel {
  readonly name: string;
  readonly inputNames = ['input'];
  readonly outputNames: string[];
  readonly inputShapes: Array<Array<number | null>>;
  readonly outputShapes: Array<Array<number | null>>;
  readonly trainableWeights: Variable[];
  readonly nonTrainableWeights: Variable[] = [];
  stopTraining = false;
  applyCalls = 0;

  constructor(inDim: number, outDim: number, private readonly o: MlpOptions = {}) {
    const id = nextId++;
    this.name = `mlp_${id}`;
    const h = o.hidden ?? 16;
    const heads = o.outputs ?? 1;
    this.outputNames = heads === 1 ? ['output'] : Array.from({ length: heads }, (_, i) => `out${i}`);
    this.inputShapes = [[null, inDim]];
    this.outputShapes = this.outputNames.map(() => [null, outDim]);
    const glorot = (a: number, b: number): Variable =>
      tidy(() => variable(randomUniform([a, b], -Math.sqrt(6 / (a + b)), Math.sqrt(6 / (a + b))), true, `${this.name}/w${a}x${b}_${Math.random()}`));
    this.trainableWeights = [glorot(inDim, h), variable(new Float32Array(h), true, `${this.name}/b1`)];
    for (let k = 0; k < heads; k++) {
      this.trainableWeights.push(glorot(h, outDim), variable(new Float32Array(outDim), true, `${this.name}/b2_${k}`));
    }
  }

  apply(inputs: Tensor[], _opts: { training: boolean }): Tensor[] {
    this.applyCalls++;
    const [w1, b1, ...heads] = this.trainableWeights;
    return tidy(() => {
      const hid = relu(add(matMul(inputs[0]!, w1!), b1!));
      const outs: Tensor[] = [];
      for (let k = 0; k < heads.length; k += 2) {
        const z = add(matMul(hid, heads[k]!), heads[k + 1]!);
        outs.push(this.o.activation === 'softmax' ? softmax(z) : this.o.activation === 'sigmoid' ? sigmoid(z) : z);
      }
      return outs;
    });
  }

  regularizationLosses(): Tensor[] {
    if (!this.o.l2) return [];
    return [tidy(() => mul(sum(square(this.trainableWeights[0]!)), this.o.l2!))];
  }

  getWeights(): Tensor[] {
    return this.trainableWeights.map((w) => w.clone());
  }

  setWeights(ws: Tensor[]): void {
    ws.forEach((w, i) => this.trainableWeights[i]!.assign(w));
  }

  dispose(): void {
    for (const w of this.trainableWeights) w.dispose();
  }
}

/** Two Gaussian-ish blobs per class on a ring: linearly separable-ish 2-D data, k classes. */
export function blobs(n: number, k: number, seed = 1): { x: number[][]; labels: number[] } {
  let s = seed;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const x: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % k;
    const a = (2 * Math.PI * c) / k;
    x.push([3 * Math.cos(a) + (rnd() - 0.5), 3 * Math.sin(a) + (rnd() - 0.5)]);
    labels.push(c);
  }
  return { x, labels };
}

export const oneHotRows = (labels: number[], k: number): number[][] => labels.map((l) => Array.from({ length: k }, (_, j) => (j === l ? 1 : 0)));
