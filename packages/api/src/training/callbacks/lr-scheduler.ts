import { Callback, type Logs } from './callback';
import { getOptimizer } from '../loop/state';

/** Sets the learning rate at each epoch start from `schedule(epoch, currentLr)`. */
export class LearningRateScheduler extends Callback {
  constructor(private readonly schedule: (epoch: number, lr: number) => number) { super(); }

  override onEpochBegin(epoch: number): void {
    const opt = getOptimizer(this.model);
    const lr = this.schedule(epoch, opt.currentLearningRate());
    if (!Number.isFinite(lr)) throw new Error(`learningRateScheduler: the schedule returned ${lr} at epoch ${epoch}; it must return a finite number.`);
    opt.learningRate = lr;
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    logs.learning_rate = getOptimizer(this.model).currentLearningRate();
  }
}
