import { Callback, type Logs } from './callback';

export interface ProgressOptions {
  /** Where to write; defaults to process.stdout. */
  stream?: { write(s: string): unknown; isTTY?: boolean };
  /** Bar width in characters. */
  width?: number;
}

const fmtNum = (v: number): string => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3));
const fmtLogs = (logs: Logs): string => Object.entries(logs).filter(([k]) => k !== 'batch' && k !== 'size').map(([k, v]) => ` - ${k}: ${fmtNum(v)}`).join('');
const fmtTime = (s: number): string => (s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : s >= 1 ? `${s.toFixed(0)}s` : `${Math.round(s * 1000)}ms`);

/**
 * Keras-style progress: verbose 1 on a TTY redraws a bar per batch with ETA and running
 * metrics; verbose 1 elsewhere and verbose 2 print one line per epoch; verbose 0 is silent.
 */
export class ProgressLogger extends Callback {
  private readonly out: { write(s: string): unknown; isTTY?: boolean };
  private readonly width: number;
  private epochStart = 0;
  private epoch = 0;

  constructor(private readonly verbose: number, opts: ProgressOptions = {}) {
    super();
    this.out = opts.stream ?? process.stdout;
    this.width = opts.width ?? 30;
  }

  private get live(): boolean {
    return this.verbose === 1 && !!this.out.isTTY;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
    this.epochStart = Date.now();
    if (this.verbose > 0) this.out.write(`Epoch ${epoch + 1}/${this.params?.epochs ?? '?'}\n`);
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void {
    if (!this.live) return;
    const steps = this.params?.steps;
    const done = batch + 1;
    const elapsed = (Date.now() - this.epochStart) / 1000;
    let bar = `${done}`;
    if (steps) {
      const filled = Math.min(this.width, Math.floor((done / steps) * this.width));
      const eta = (elapsed / done) * (steps - done);
      bar = `${done}/${steps} [${'='.repeat(Math.max(filled - 1, 0))}${filled < this.width ? '>' : '='}${'.'.repeat(this.width - filled)}] - ETA: ${fmtTime(eta)}`;
    }
    this.out.write(`\r${bar}${fmtLogs(logs)}\x1b[K`);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    if (this.verbose === 0) return;
    const elapsed = (Date.now() - this.epochStart) / 1000;
    const steps = this.params?.steps;
    const head = steps ? `${steps}/${steps}` : '';
    this.out.write(`${this.live ? '\r' : ''}${head} - ${fmtTime(elapsed)}${fmtLogs(logs)}${this.live ? '\x1b[K' : ''}\n`);
    void this.epoch;
  }
}
