import { Callback, type Logs } from './callback';
import { improves, type Mode } from './early-stopping';
import { getOptimizer } from '../loop/state';
import { LearningRateSchedule } from '../schedules/schedules';

export interface ReduceLROnPlateauArgs {
  monitor?: string; factor?: number; patience?: number; verbose?: number; mode?: Mode;
  minDelta?: number; cooldown?: number; minLr?: number;
}

/** lr *= factor when `monitor` stalls for `patience` epochs (Keras defaults: 0.1, 10, minDelta 1e-4). */
export class ReduceLROnPlateau extends Callback {
  private wait = 0;
  private cooldownLeft = 0;
  private best = NaN;
  private readonly better: ReturnType<typeof improves>;
  readonly monitor: string;

  constructor(private readonly a: ReduceLROnPlateauArgs = {}) {
    super();
    if ((a.factor ?? 0.1) >= 1) throw new Error(`reduceLROnPlateau: factor must be below 1, got ${a.factor}.`);
    this.monitor = a.monitor ?? 'val_loss';
    this.better = improves(a.mode ?? 'auto', this.monitor);
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.cooldownLeft = 0;
    this.best = NaN;
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    const current = logs[this.monitor];
    const opt = getOptimizer(this.model);
    if (opt.learningRate instanceof LearningRateSchedule) {
      throw new Error('reduceLROnPlateau: the optimizer uses a learning-rate schedule; use a number learning rate with this callback.');
    }
    logs.learning_rate = opt.learningRate;
    if (current === undefined) return;
    if (this.cooldownLeft > 0) {
      this.cooldownLeft--;
      this.wait = 0;
    }
    if (Number.isNaN(this.best) || this.better(current, this.best, this.a.minDelta ?? 1e-4)) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownLeft === 0) {
      this.wait++;
      if (this.wait >= (this.a.patience ?? 10)) {
        const minLr = this.a.minLr ?? 0;
        if (opt.learningRate > minLr) opt.learningRate = Math.max(opt.learningRate * (this.a.factor ?? 0.1), minLr);
        this.cooldownLeft = this.a.cooldown ?? 0;
        this.wait = 0;
      }
    }
  }
}
