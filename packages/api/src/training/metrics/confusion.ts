import { tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { cast } from '../../ops/convert';
import { greater, mul, sub } from '../../ops/elementwise';
import { argMax, sum } from '../../ops/reduce';
import { oneHot, reshape, stack } from '../../ops/movement';
import { Metric, readAndDispose, weightsFor } from './metric';

/** Weighted true-positive / false-positive / false-negative totals of thresholded predictions. */
function counts(yTrue: Tensor, yPred: Tensor, threshold: number, sampleWeight?: Tensor, perClass = false): Tensor {
  return tidy(() => {
    const t = cast(yTrue.rank === yPred.rank - 1 ? reshape(yTrue, yPred.shape) : yTrue, 'float32');
    const p = cast(greater(yPred, threshold), 'float32');
    const w = weightsFor(t, sampleWeight);
    const wt = (x: Tensor): Tensor => (w ? mul(x, w) : x);
    const axis = perClass ? [0] : undefined;
    const tp = sum(wt(mul(t, p)), axis);
    const fp = sum(wt(mul(sub(1, t), p)), axis);
    const fn = sum(wt(mul(t, sub(1, p))), axis);
    return stack([tp, fp, fn]);
  });
}

class ConfusionMetric extends Metric {
  protected tp = 0; protected fp = 0; protected fn = 0;
  constructor(name: string, protected readonly threshold: number, private readonly value: (m: ConfusionMetric) => number) { super(name); }
  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const [tp, fp, fn] = readAndDispose(counts(yTrue, yPred, this.threshold, sampleWeight));
    this.tp += tp!; this.fp += fp!; this.fn += fn!;
  }
  result(): number { return this.value(this); }
  reset(): void { this.tp = this.fp = this.fn = 0; }
  /** @internal */ get totals() { return { tp: this.tp, fp: this.fp, fn: this.fn }; }
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** tp / (tp + fp) of predictions above `threshold` (0.5). */
export class Precision extends ConfusionMetric {
  constructor(o: { name?: string; threshold?: number } = {}) {
    super(o.name ?? 'precision', o.threshold ?? 0.5, (m) => ratio(m.totals.tp, m.totals.tp + m.totals.fp));
  }
}
/** tp / (tp + fn). */
export class Recall extends ConfusionMetric {
  constructor(o: { name?: string; threshold?: number } = {}) {
    super(o.name ?? 'recall', o.threshold ?? 0.5, (m) => ratio(m.totals.tp, m.totals.tp + m.totals.fn));
  }
}

export type F1Average = 'micro' | 'macro' | 'weighted';

/**
 * F1 per class from thresholded scores (argmax one-hot when threshold is undefined and there
 * are several classes), averaged. Keras' default average is None (a vector); logs need a
 * number, so ours defaults to 'macro'.
 */
export class F1Score extends Metric {
  private tp: number[] = []; private fp: number[] = []; private fn: number[] = [];
  private readonly average: F1Average;
  private readonly threshold?: number;
  constructor(o: { name?: string; threshold?: number; average?: F1Average } = {}) {
    super(o.name ?? 'f1_score');
    this.average = o.average ?? 'macro';
    this.threshold = o.threshold;
  }
  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const k = yPred.shape[yPred.rank - 1]!;
    const flat = readAndDispose(tidy(() => {
      const pred = this.threshold === undefined && k > 1 ? oneHot(argMax(yPred, -1), k) : yPred;
      const thr = this.threshold === undefined && k > 1 ? 0.5 : this.threshold ?? 0.5;
      return reshape(counts(yTrue, pred, thr, sampleWeight, true), [-1]);
    }));
    const n = flat.length / 3;
    for (let c = 0; c < n; c++) {
      this.tp[c] = (this.tp[c] ?? 0) + flat[c]!;
      this.fp[c] = (this.fp[c] ?? 0) + flat[n + c]!;
      this.fn[c] = (this.fn[c] ?? 0) + flat[2 * n + c]!;
    }
  }
  result(): number {
    const f1 = (tp: number, fp: number, fn: number): number => ratio(2 * tp, 2 * tp + fp + fn);
    if (this.tp.length === 0) return 0;
    if (this.average === 'micro') {
      const s = (a: number[]) => a.reduce((x, y) => x + y, 0);
      return f1(s(this.tp), s(this.fp), s(this.fn));
    }
    const per = this.tp.map((tp, c) => f1(tp, this.fp[c]!, this.fn[c]!));
    if (this.average === 'macro') return per.reduce((a, b) => a + b, 0) / per.length;
    const support = this.tp.map((tp, c) => tp + this.fn[c]!);
    const total = support.reduce((a, b) => a + b, 0);
    return per.reduce((a, f, c) => a + f * ratio(support[c]!, total), 0);
  }
  reset(): void { this.tp = []; this.fp = []; this.fn = []; }
}
