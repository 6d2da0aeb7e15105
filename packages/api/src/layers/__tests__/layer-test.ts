/**
 * The shared layer test (in the spirit of Keras's layer_test): for one layer factory it checks
 * symbolic and concrete output shapes, values against an independent reference, the config
 * round trip, weight and input gradients against central finite differences, that a few SGD
 * steps lower a loss, and that a forward pass and dispose() leave no tensors behind.
 */
import '@lamina/backend-cpu';
import {
  Tensor, tensor, tidy, memory, variableGrads, grads, sum, mul, mean, square, sub, setSeed, type NestedArray,
} from '../../index';
import type { Layer } from '../base/layer';
import { deserializeLayer } from '../base/serialization';
import { input } from '../../models';
import type { SymbolicTensor } from '../base/symbolic';

/** Deterministic values in [lo, hi) from a tiny LCG, so reference code can reuse them. */
export function seededValues(n: number, seed = 1, lo = -1, hi = 1): number[] {
  // mix the seed first so that nearby seeds give unrelated streams
  let s = Math.imul((seed + 0x9e3779b9) ^ ((seed + 0x9e3779b9) >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (hi - lo) * (s / 4294967296);
  });
}

export const flat = (x: NestedArray | number[]): number[] => (Array.isArray(x) ? (x as NestedArray[]).flatMap((v) => flat(v as NestedArray)) : [Number(x)]);
const prod = (s: number[]): number => s.reduce((a, b) => a * b, 1);

export interface LayerTestSpec {
  make: () => Layer;
  /** Concrete input shapes, batch first (several for multi-input layers). */
  inputShapes: number[][];
  /** Pass the inputs as a list even when there is one. */
  listInput?: boolean;
  inputDtype?: 'float32' | 'int32';
  /** Explicit input values (flat, one array per input); default seeded values in [-1, 1). */
  inputValues?: number[][];
  expectedShape: number[] | number[][];
  /** Expected flat output values given flat inputs and the layer's weights (flat, in getWeights order). */
  reference?: (xs: number[][], ws: number[][], shapes: { x: number[][]; w: number[][] }) => number[] | number[][];
  /** Keep the layer's own initial weights instead of seeded random ones (e.g. values that must be positive). */
  keepInitialWeights?: boolean;
  /** Forward pass mode for the value check. */
  training?: boolean;
  gradTraining?: boolean;
  skipGrad?: boolean;
  skipInputGrad?: boolean;
  skipTrain?: boolean;
  /** Skip the "same output after round trip" check (random layers in training mode). */
  tol?: number;
  lr?: number;
}

function makeInputs(spec: LayerTestSpec): Tensor[] {
  return spec.inputShapes.map((s, i) => {
    const vals = spec.inputValues?.[i] ?? seededValues(prod(s), 7 + i);
    return tensor(spec.inputDtype === 'int32' ? Int32Array.from(vals) : Float32Array.from(vals), s, spec.inputDtype ?? 'float32');
  });
}

function run(layer: Layer, xs: Tensor[], spec: LayerTestSpec, training: boolean): Tensor[] {
  const out = layer.apply(spec.listInput || xs.length > 1 ? xs : xs[0]!, { training });
  return Array.isArray(out) ? out : [out];
}

/** Give every weight seeded random values (variances positive), so value checks are not trivial. */
export function randomizeWeights(layer: Layer, seed = 3): void {
  const ws = layer.weights;
  const values = ws.map((w, i) => {
    const positive = /variance|gamma/i.test(w.name);
    return tensor(Float32Array.from(seededValues(w.size, seed + 11 * i, positive ? 0.5 : -0.8, positive ? 1.5 : 0.8)), w.shape);
  });
  layer.setWeights(values);
  values.forEach((v) => v.dispose());
}

function built(spec: LayerTestSpec): { layer: Layer; xs: Tensor[] } {
  setSeed(42);
  const layer = spec.make();
  const xs = makeInputs(spec);
  tidy(() => {
    run(layer, xs, spec, false);
  });
  if (!spec.keepInitialWeights) randomizeWeights(layer);
  return { layer, xs };
}

function expectClose(got: number[], want: number[], tol: number, what: string): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    if (!(Math.abs(got[i]! - want[i]!) <= tol * Math.max(1, Math.abs(want[i]!)))) {
      throw new Error(`${what}: element ${i} is ${got[i]} but expected ${want[i]} (tolerance ${tol}).`);
    }
  }
}

/** Scalar loss sum(y_k * r_k) with fixed random r: its gradient reaches every output element. */
function probeLoss(ys: Tensor[]): Tensor {
  let total: Tensor | null = null;
  ys.forEach((y, k) => {
    const r = tensor(Float32Array.from(seededValues(y.size, 99 + k)), y.shape);
    const term = sum(mul(y, r));
    total = total ? total.add(term) : term;
  });
  return total!;
}

export function layerTest(name: string, spec: LayerTestSpec): void {
  const tol = spec.tol ?? 1e-4;
  const expectedShapes = (Array.isArray(spec.expectedShape[0]) ? spec.expectedShape : [spec.expectedShape]) as number[][];

  describe(`${name} (layer test)`, () => {
    test('symbolic and concrete output shapes', () => {
      const layer = spec.make();
      const syms = spec.inputShapes.map((s) => input({ batchShape: [null, ...s.slice(1)], dtype: spec.inputDtype }));
      const out = layer.apply(spec.listInput || syms.length > 1 ? syms : syms[0]!);
      const symOuts = (Array.isArray(out) ? out : [out]) as SymbolicTensor[];
      expect(symOuts.map((o) => o.shape)).toEqual(expectedShapes.map((s) => [null, ...s.slice(1)]));
      const xs = makeInputs(spec);
      const ys = run(layer, xs, spec, spec.training ?? false);
      expect(ys.map((y) => y.shape)).toEqual(expectedShapes);
      layer.dispose();
      [...xs, ...ys].forEach((t) => t.dispose());
    });

    if (spec.reference) {
      test('values match the reference', () => {
        const { layer, xs } = built(spec);
        const ws = layer.getWeights();
        const ys = run(layer, xs, spec, spec.training ?? false);
        const ref = spec.reference!(xs.map((x) => Array.from(x.dataSync())), ws.map((w) => Array.from(w.dataSync())), {
          x: xs.map((x) => x.shape), w: ws.map((w) => w.shape),
        });
        const refs = (Array.isArray(ref[0]) ? ref : [ref]) as number[][];
        expect(ys.length).toBe(refs.length);
        ys.forEach((y, k) => expectClose(Array.from(y.dataSync()), refs[k]!, tol, `${name} output ${k}`));
        layer.dispose();
        [...xs, ...ys, ...ws].forEach((t) => t.dispose());
      });
    }

    test('config round trip gives the same layer and outputs', () => {
      const { layer, xs } = built(spec);
      const config = layer.getConfig();
      const copy = deserializeLayer({ className: layer.getClassName(), config: JSON.parse(JSON.stringify(config)) as Record<string, unknown> });
      expect(copy.getClassName()).toBe(layer.getClassName());
      expect(copy.getConfig()).toEqual(config);
      const a = run(layer, xs, spec, false);
      const b = run(copy, xs, spec, false); // builds the copy
      const ws = layer.getWeights();
      copy.setWeights(ws);
      const c = run(copy, xs, spec, false);
      a.forEach((y, k) => expectClose(Array.from(c[k]!.dataSync()), Array.from(y.dataSync()), 1e-6, `${name} round-trip output ${k}`));
      layer.dispose();
      copy.dispose();
      [...xs, ...a, ...b, ...c, ...ws].forEach((t) => t.dispose());
    });

    test('a forward pass and dispose() leave no tensors behind', () => {
      const before = memory().numTensors;
      const { layer, xs } = built(spec);
      const afterBuild = memory().numTensors;
      const ys = run(layer, xs, spec, spec.training ?? false);
      expect(memory().numTensors).toBe(afterBuild + ys.length);
      ys.forEach((y) => y.dispose());
      xs.forEach((x) => x.dispose());
      layer.dispose();
      expect(memory().numTensors).toBe(before);
    });

    const training = spec.gradTraining ?? false;
    if (!spec.skipGrad) {
      test('weight gradients match central finite differences', () => {
        const { layer, xs } = built(spec);
        const vars = layer.trainableWeights;
        expect(vars.length).toBeGreaterThan(0);
        const f = (): Tensor => probeLoss(run(layer, xs, spec, training));
        const { value, grads: g } = variableGrads(f, vars);
        value.dispose();
        const eps = 1e-3;
        for (const v of vars) {
          const analytic = g[v.name]!.dataSync();
          const base = Float32Array.from(v.dataSync());
          const picks = [...new Set(seededValues(Math.min(6, v.size), 5, 0, v.size).map(Math.floor))];
          for (const i of picks) {
            const at = (d: number): number => {
              const p = Float32Array.from(base);
              p[i] = base[i]! + d;
              const t = tensor(p, v.shape);
              v.assign(t);
              t.dispose();
              return tidy(() => f().scalarValue());
            };
            const numeric = (at(eps) - at(-eps)) / (2 * eps);
            const t = tensor(base, v.shape);
            v.assign(t);
            t.dispose();
            if (!(Math.abs(numeric - analytic[i]!) <= 1e-2 * Math.max(1, Math.abs(numeric)))) {
              throw new Error(`${name}: d loss / d ${v.name}[${i}] is ${analytic[i]} by autodiff but ${numeric} by finite differences.`);
            }
          }
        }
        Object.values(g).forEach((t) => t.dispose());
        layer.dispose();
        xs.forEach((x) => x.dispose());
      });
    }

    if (!spec.skipInputGrad && (spec.inputDtype ?? 'float32') === 'float32') {
      test('input gradients match central finite differences', () => {
        const { layer, xs } = built(spec);
        const f = (...ins: Tensor[]): Tensor => probeLoss(run(layer, ins, spec, training));
        const g = grads(f)(xs);
        const eps = 1e-3;
        xs.forEach((x, k) => {
          const base = Float32Array.from(x.dataSync());
          const picks = [...new Set(seededValues(Math.min(6, x.size), 13, 0, x.size).map(Math.floor))];
          for (const i of picks) {
            const at = (d: number): number => tidy(() => {
              const p = Float32Array.from(base);
              p[i] = base[i]! + d;
              const moved = xs.map((o, j) => (j === k ? tensor(p, x.shape) : o));
              return f(...moved).scalarValue();
            });
            const numeric = (at(eps) - at(-eps)) / (2 * eps);
            const analytic = g[k]!.dataSync()[i]!;
            if (!(Math.abs(numeric - analytic) <= 1e-2 * Math.max(1, Math.abs(numeric)))) {
              throw new Error(`${name}: d loss / d input${k}[${i}] is ${analytic} by autodiff but ${numeric} by finite differences.`);
            }
          }
        });
        g.forEach((t) => t.dispose());
        layer.dispose();
        xs.forEach((x) => x.dispose());
      });
    }

    if (!spec.skipTrain && !spec.skipGrad) {
      test('a few SGD steps lower a regression loss', () => {
        const { layer, xs } = built(spec);
        const targets = expectedShapes.map((s, k) => tensor(Float32Array.from(seededValues(prod(s), 123 + k, -0.5, 0.5)), s));
        const loss = (): Tensor => {
          const ys = run(layer, xs, spec, training);
          return ys.map((y, k) => mean(square(sub(y, targets[k]!)))).reduce((a, b) => a.add(b));
        };
        const lr = spec.lr ?? 0.05;
        const first = tidy(() => loss().scalarValue());
        for (let step = 0; step < 5; step++) {
          const { value, grads: g } = variableGrads(loss, layer.trainableWeights);
          value.dispose();
          for (const v of layer.trainableWeights) {
            const next = tidy(() => sub(v, mul(g[v.name]!, lr)));
            v.assign(next);
            next.dispose();
          }
          Object.values(g).forEach((t) => t.dispose());
        }
        const last = tidy(() => loss().scalarValue());
        expect(last).toBeLessThan(first);
        layer.dispose();
        [...xs, ...targets].forEach((t) => t.dispose());
      });
    }
  });
}
