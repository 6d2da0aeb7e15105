import type { Tensor } from '../../tensor/tensor';
import { tensor } from '../../tensor/create';
import { fmtShape } from '../../util/shape';

/**
 * Per-sample weights from a class-weight map: class id from argmax of one-hot targets, or
 * the label itself. Computed once per fit (one readback of y), times sampleWeight if given.
 */
export function classSampleWeights(y: Tensor, classWeight: Record<string, number>, sampleWeight?: Tensor): Tensor {
  const n = y.shape[0]!;
  const per = y.rank >= 2 && y.shape[y.rank - 1]! > 1 ? y.size / n : 1;
  const v = y.dataSync();
  const out = new Float32Array(n);
  const sw = sampleWeight?.dataSync();
  for (let i = 0; i < n; i++) {
    let cls = 0;
    if (per === 1) cls = Math.round(v[i * (y.size / n)]!);
    else for (let j = 1; j < per; j++) if (v[i * per + j]! > v[i * per + cls]!) cls = j;
    out[i] = (classWeight[String(cls)] ?? 1) * (sw ? sw[i]! : 1);
  }
  return tensor(out, [n], 'float32');
}

export function checkSampleWeight(sw: Tensor, n: number, where: string): void {
  if (sw.rank !== 1 || sw.shape[0] !== n) {
    throw new Error(`${where}: sampleWeight must have shape [${n}] (one weight per sample), got ${fmtShape(sw.shape)}.`);
  }
}
