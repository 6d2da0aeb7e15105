import type { Tensor } from '../../tensor/tensor';
import { Metric } from './metric';

export interface AUCOptions { name?: string; numThresholds?: number; curve?: 'ROC' | 'PR' }

/**
 * Area under the ROC or precision-recall curve from confusion counts at `numThresholds`
 * (200) evenly spaced thresholds, -eps and 1+eps at the ends, as Keras. ROC uses the
 * trapezoid rule; PR the Davis & Goadrich interpolation Keras uses.
 */
export class AUC extends Metric {
  private readonly n: number;
  readonly curve: 'ROC' | 'PR';
  /** Weighted positives / negatives whose prediction exceeds threshold j. */
  private pos: Float64Array;
  private neg: Float64Array;
  private totalPos = 0;
  private totalNeg = 0;

  constructor(o: AUCOptions = {}) {
    super(o.name ?? 'auc');
    this.n = o.numThresholds ?? 200;
    this.curve = o.curve ?? 'ROC';
    this.pos = new Float64Array(this.n);
    this.neg = new Float64Array(this.n);
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    const t = yTrue.dataSync();
    const p = yPred.dataSync();
    const w = sampleWeight?.dataSync();
    const perSample = p.length / (w?.length || 1);
    // histogram by the highest threshold each prediction exceeds, then suffix sums
    const hp = new Float64Array(this.n);
    const hn = new Float64Array(this.n);
    for (let i = 0; i < p.length; i++) {
      const q = Math.min(Math.max(p[i]!, 0), 1);
      const top = Math.min(Math.max(Math.ceil(q * (this.n - 1)) - 1, 0), this.n - 2);
      const wi = w ? w[Math.floor(i / perSample)]! : 1;
      const label = t[i]! > 0.5 ? 1 : 0;
      hp[top] += wi * label;
      hn[top] += wi * (1 - label);
      this.totalPos += wi * label;
      this.totalNeg += wi * (1 - label);
    }
    let sp = 0, sn = 0;
    for (let j = this.n - 1; j >= 0; j--) {
      sp += hp[j]!; sn += hn[j]!;
      this.pos[j] += sp; this.neg[j] += sn;
    }
  }

  result(): number {
    const n = this.n;
    const tp = this.pos, fp = this.neg;
    const fn = Array.from(tp, (v) => this.totalPos - v);
    const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);
    let area = 0;
    if (this.curve === 'ROC') {
      for (let i = 0; i < n - 1; i++) {
        const tpr0 = div(tp[i]!, this.totalPos), tpr1 = div(tp[i + 1]!, this.totalPos);
        const fpr0 = div(fp[i]!, this.totalNeg), fpr1 = div(fp[i + 1]!, this.totalNeg);
        area += (fpr0 - fpr1) * (tpr0 + tpr1) / 2;
      }
      return area;
    }
    for (let i = 0; i < n - 1; i++) {
      const dtp = tp[i]! - tp[i + 1]!;
      const p0 = tp[i]! + fp[i]!, p1 = tp[i + 1]! + fp[i + 1]!;
      const slope = div(dtp, Math.max(p0 - p1, 0));
      const intercept = tp[i + 1]! - slope * p1;
      const pRatio = p0 > 0 && p1 > 0 ? p0 / p1 : 1;
      area += div(slope * (dtp + intercept * Math.log(pRatio)), Math.max(tp[i + 1]! + fn[i + 1]!, 0));
    }
    return area;
  }

  reset(): void {
    this.pos.fill(0); this.neg.fill(0);
    this.totalPos = this.totalNeg = 0;
  }
}
