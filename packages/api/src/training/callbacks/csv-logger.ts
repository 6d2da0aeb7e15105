import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Callback, type Logs } from './callback';

/** Appends one CSV row per epoch: epoch, then the log keys (sorted, fixed by the first epoch). */
export class CSVLogger extends Callback {
  private keys: string[] | null = null;
  constructor(readonly filename: string, private readonly opts: { separator?: string; append?: boolean } = {}) { super(); }

  override async onTrainBegin(): Promise<void> {
    this.keys = null;
    await fs.mkdir(path.dirname(this.filename), { recursive: true });
    if (!this.opts.append) await fs.writeFile(this.filename, '');
    else {
      const existing = await fs.readFile(this.filename, 'utf8').catch(() => '');
      if (existing) this.keys = existing.split('\n')[0]!.split(this.opts.separator ?? ',').slice(1);
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    const sep = this.opts.separator ?? ',';
    let out = '';
    if (!this.keys) {
      this.keys = Object.keys(logs).sort();
      out += ['epoch', ...this.keys].join(sep) + '\n';
    }
    out += [String(epoch), ...this.keys.map((k) => (logs[k] === undefined ? '' : String(logs[k])))].join(sep) + '\n';
    await fs.appendFile(this.filename, out);
  }
}
