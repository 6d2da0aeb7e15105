import type { TrainableModel } from '../model-contract';
import { dispose } from '../../engine/scope';
import { Callback, type Logs } from './callback';
import { improves, type Mode } from './early-stopping';
import { writeAtomic } from './atomic-write';

export type SaveFn = (model: TrainableModel, path: string) => Promise<void>;

export interface ModelCheckpointArgs {
  monitor?: string; saveBestOnly?: boolean; mode?: Mode; verbose?: number;
  /** How to save; defaults to the weights as `<path>.json` (shapes, dtypes) + `<path>.bin` (float32 data). */
  save?: SaveFn;
}

/** The default save: getWeights() as a JSON manifest plus one binary file, both written atomically. */
export const saveWeightsFiles: SaveFn = async (model, path) => {
  const ws = model.getWeights();
  try {
    const specs = ws.map((w, i) => ({ name: (model.trainableWeights[i] ?? { name: `weight_${i}` }).name, shape: w.shape, dtype: w.dtype }));
    const total = ws.reduce((n, w) => n + w.size, 0);
    const data = new Float32Array(total);
    let o = 0;
    for (const w of ws) { data.set(w.dataSync(), o); o += w.size; }
    await writeAtomic(`${path}.bin`, new Uint8Array(data.buffer));
    await writeAtomic(`${path}.json`, JSON.stringify({ format: 'lamina-weights', weights: specs, dataFile: `${path.split('/').pop()}.bin` }, null, 1));
  } finally {
    dispose(ws);
  }
};

/**
 * Saves after each epoch (or only when `monitor` improves). `filepath` may use {epoch} and
 * any log key, e.g. 'ckpt/model-{epoch}-{val_loss}'.
 */
export class ModelCheckpoint extends Callback {
  private best = NaN;
  private readonly better: ReturnType<typeof improves>;
  readonly monitor: string;
  readonly saved: string[] = [];

  constructor(readonly filepath: string, private readonly a: ModelCheckpointArgs = {}) {
    super();
    this.monitor = a.monitor ?? 'val_loss';
    this.better = improves(a.mode ?? 'auto', this.monitor);
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.a.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) return;
      if (!Number.isNaN(this.best) && !this.better(current, this.best, 0)) return;
      this.best = current;
    }
    const file = this.filepath.replace(/\{(\w+)(?::[^}]*)?\}/g, (_m, k: string) => (k === 'epoch' ? String(epoch + 1) : String(logs[k] ?? k)));
    await (this.a.save ?? saveWeightsFiles)(this.model, file);
    this.saved.push(file);
  }
}
