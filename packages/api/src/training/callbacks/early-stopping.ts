import type { Tensor } from '../../tensor/tensor';
import { dispose } from '../../engine/scope';
import { Callback, type Logs } from './callback';

export type Mode = 'auto' | 'min' | 'max';

/** 'auto' maximises accuracy-like and AUC-like names, minimises everything else (as Keras). */
export function improves(mode: Mode, monitor: string): (current: number, best: number, minDelta: number) => boolean {
  const max = mode === 'max' || (mode === 'auto' && /acc|auc|precision|recall|f1|r2|io_?u/i.test(monitor));
  return max ? (c, b, d) => c - d > b : (c, b, d) => c + d < b;
}

export interface EarlyStoppingArgs {
  monitor?: string; minDelta?: number; patience?: number; verbose?: number; mode?: Mode;
  baseline?: number; restoreBestWeights?: boolean; startFromEpoch?: number;
}

/** Stop when `monitor` has not improved by minDelta for `patience` epochs. */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  private readonly minDelta: number;
  private readonly patience: number;
  private readonly better: ReturnType<typeof improves>;
  private wait = 0;
  private best = NaN;
  private bestWeights: Tensor[] | null = null;
  stoppedEpoch = 0;
  bestEpoch = 0;

  constructor(private readonly a: EarlyStoppingArgs = {}) {
    super();
    this.monitor = a.monitor ?? 'val_loss';
    this.minDelta = Math.abs(a.minDelta ?? 0);
    this.patience = a.patience ?? 0;
    this.better = improves(a.mode ?? 'auto', this.monitor);
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = NaN;
    this.releaseBest();
  }

  private releaseBest(): void {
    if (this.bestWeights) dispose(this.bestWeights);
    this.bestWeights = null;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const current = logs[this.monitor];
    if (current === undefined || epoch < (this.a.startFromEpoch ?? 0)) return;
    if (this.a.restoreBestWeights && !this.bestWeights) this.bestWeights = this.model.getWeights();
    this.wait++;
    if (Number.isNaN(this.best) || this.better(current, this.best, this.minDelta)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.a.restoreBestWeights) {
        this.releaseBest();
        this.bestWeights = this.model.getWeights();
      }
      // with a baseline, the wait only resets once the baseline is beaten (Keras)
      if (this.a.baseline === undefined || this.better(current, this.a.baseline, this.minDelta)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.a.verbose) console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.a.restoreBestWeights && this.bestWeights) {
      this.model.setWeights(this.bestWeights);
    }
    this.releaseBest();
  }
}
