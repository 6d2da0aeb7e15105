import type { DType } from '../backend/types';
import { tensor } from '../tensor/create';
import type { Tensor } from '../tensor/tensor';
import { randomFor } from '../util/random';
import { Initializer } from './initializer';

/**
 * A random orthogonal matrix (times gain): QR of a normal matrix with R's diagonal signs
 * folded in, computed in plain JS (weights are small and this runs once).
 */
export class Orthogonal extends Initializer {
  readonly className = 'Orthogonal';
  constructor(readonly gain = 1, readonly seed?: number) {
    super();
  }

  apply(shape: number[], dtype: DType = 'float32'): Tensor {
    if (shape.length < 2) throw new Error(`orthogonal initializer: shape must have rank >= 2, got [${shape}].`);
    const cols = shape[shape.length - 1]!;
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    // orthonormalize the columns of a tall (n x k) matrix, then transpose if wide
    const n = Math.max(rows, cols);
    const k = Math.min(rows, cols);
    const rng = randomFor(this.seed);
    const q: number[][] = [];
    for (let j = 0; j < k; j++) {
      let v = Array.from({ length: n }, () => rng.normal());
      for (let pass = 0; pass < 2; pass++) {
        for (const u of q) {
          const d = dot(u, v);
          v = v.map((x, i) => x - d * u[i]!);
        }
      }
      const len = Math.sqrt(dot(v, v));
      q.push(v.map((x) => x / len));
    }
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) out[r * cols + c] = this.gain * (rows >= cols ? q[c]![r]! : q[r]![c]!);
    }
    return tensor(out, shape, dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed ?? null };
  }
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
