import { grads } from '../autodiff/grad';
import { tidy } from '../engine/scope';
import { tensor } from '../tensor/create';
import type { Tensor } from '../tensor/tensor';
import { Random } from '../util/random';

export interface GradCheckResult {
  /** max |analytic - numeric| / (atol + rtol * |numeric|); <= 1 passes. */
  worst: number;
  detail: string;
}

/**
 * Compare the tape's gradient of sum(f(xs) * r) with central finite differences.
 * The loss is summed in float64 from the read-back output, so only the op's own
 * float32 rounding enters the numeric estimate.
 */
export function gradCheck(
  f: (...xs: Tensor[]) => Tensor, inputs: Float32Array[], shapes: number[][],
  { eps = 1e-3, atol = 3e-3, rtol = 3e-3, seed = 7 } = {},
): GradCheckResult {
  const rnd = new Random(seed);
  const make = (vals: Float32Array[]): Tensor[] => vals.map((v, i) => tensor(v, shapes[i], 'float32'));
  let weights: Float32Array | null = null;
  const lossOf = (vals: Float32Array[]): number => {
    let s = 0;
    tidy(() => {
      const d = f(...make(vals)).dataSync();
      weights ??= Float32Array.from({ length: d.length }, () => rnd.uniform(-1, 1));
      for (let i = 0; i < d.length; i++) s += d[i]! * weights[i]!;
    });
    return s;
  };
  lossOf(inputs); // fixes the random weights
  const w = weights!;
  let analytic: Float32Array[] = [];
  tidy(() => {
    const xs = make(inputs);
    const g = grads((...a: Tensor[]) => {
      const out = f(...a);
      return out.mul(tensor(w, out.shape, 'float32')).sum();
    })(xs);
    analytic = g.map((t) => Float32Array.from(t.dataSync()));
  });
  let worst = 0;
  let detail = 'ok';
  inputs.forEach((x, k) => {
    for (let i = 0; i < x.length; i++) {
      const plus = inputs.map((v) => Float32Array.from(v));
      const minus = inputs.map((v) => Float32Array.from(v));
      plus[k]![i] = x[i]! + eps;
      minus[k]![i] = x[i]! - eps;
      const numeric = (lossOf(plus) - lossOf(minus)) / (2 * eps);
      const a = analytic[k]![i]!;
      const score = Math.abs(a - numeric) / (atol + rtol * Math.abs(numeric));
      if (score > worst) {
        worst = score;
        detail = `input ${k} element ${i}: analytic ${a}, numeric ${numeric}`;
      }
    }
  });
  return { worst, detail };
}

/** Random float32 values in [lo, hi), at least `gap` away from each point in `avoid`. */
export function randomValues(n: number, lo: number, hi: number, seed: number, avoid: number[] = [], gap = 0.05): Float32Array {
  const r = new Random(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v: number;
    do v = r.uniform(lo, hi); while (avoid.some((a) => Math.abs(v - a) < gap));
    out[i] = v;
  }
  return out;
}

/** Distinct values (a shuffled ramp plus noise), so max/min and pooling have no ties. */
export function distinctValues(n: number, seed: number): Float32Array {
  const r = new Random(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  r.shuffle(idx);
  return Float32Array.from(idx, (i) => (i - n / 2) * 0.1 + r.uniform(-0.01, 0.01));
}
