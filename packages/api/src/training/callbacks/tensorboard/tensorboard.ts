import * as path from 'node:path';
import { Callback, type Logs } from '../callback';
import { EventFileWriter } from './record-writer';

export interface TensorBoardArgs {
  /** 'epoch' (default) writes epoch scalars; 'batch' also writes batch scalars every batch; a number every N batches. */
  updateFreq?: 'epoch' | 'batch' | number;
}

/**
 * Writes scalars as TensorBoard event files under logdir/train and logdir/validation, named
 * as Keras does: 'epoch_loss', 'epoch_accuracy' (val_ keys go to validation/ without the
 * prefix) and 'batch_loss', ... per batch.
 */
export class TensorBoard extends Callback {
  private train?: EventFileWriter;
  private val?: EventFileWriter;
  private globalBatch = 0;
  constructor(readonly logdir: string, private readonly a: TensorBoardArgs = {}) { super(); }

  get files(): string[] {
    return [this.train?.file, this.val?.file].filter((f): f is string => !!f);
  }

  override onTrainBegin(): void {
    this.train = new EventFileWriter(path.join(this.logdir, 'train'));
    this.globalBatch = 0;
  }

  override onBatchEnd(_batch: number, logs: Logs = {}): void {
    this.globalBatch++;
    const f = this.a.updateFreq ?? 'epoch';
    if (f === 'epoch' || (typeof f === 'number' && this.globalBatch % f !== 0)) return;
    const scalars = Object.entries(logs).filter(([k]) => k !== 'batch' && k !== 'size').map(([k, v]) => ({ tag: `batch_${k}`, value: v }));
    this.train!.scalars(this.globalBatch, scalars);
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const train = Object.entries(logs).filter(([k]) => !k.startsWith('val_'));
    const val = Object.entries(logs).filter(([k]) => k.startsWith('val_'));
    this.train!.scalars(epoch, train.map(([k, v]) => ({ tag: `epoch_${k}`, value: v })));
    this.train!.flush();
    if (val.length) {
      this.val ??= new EventFileWriter(path.join(this.logdir, 'validation'));
      this.val.scalars(epoch, val.map(([k, v]) => ({ tag: `epoch_${k.slice(4)}`, value: v })));
      this.val.flush();
    }
  }

  override onTrainEnd(): void {
    this.train?.flush();
    this.val?.flush();
  }
}
