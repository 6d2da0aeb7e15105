import { Callback, type Logs } from './callback';

/** Stops training as soon as a batch loss is NaN or infinite. */
export class TerminateOnNaN extends Callback {
  override onBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      console.warn(`Batch ${batch}: invalid loss ${loss}, terminating training`);
      this.model.stopTraining = true;
    }
  }
}
