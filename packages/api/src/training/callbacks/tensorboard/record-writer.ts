import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maskedCrc32c } from './crc32c';
import { encodeEvent, type ScalarValue } from './protobuf';

/** TFRecord framing: u64 length, masked crc of the length, data, masked crc of the data (little-endian). */
export function frameRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length + 4);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(0, BigInt(data.length), true);
  dv.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(data, 12);
  dv.setUint32(12 + data.length, maskedCrc32c(data), true);
  return out;
}

/** An events.out.tfevents.* file that TensorBoard reads; scalars are buffered and flushed on demand. */
export class EventFileWriter {
  readonly file: string;
  private pending: Uint8Array[] = [];

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `events.out.tfevents.${Math.floor(Date.now() / 1000)}.${os.hostname()}.${process.pid}.lamina`);
    writeFileSync(this.file, frameRecord(encodeEvent({ wallTime: Date.now() / 1000, fileVersion: 'brain.Event:2' })));
  }

  scalars(step: number, values: ScalarValue[]): void {
    this.pending.push(frameRecord(encodeEvent({ wallTime: Date.now() / 1000, step, scalars: values })));
  }

  flush(): void {
    if (this.pending.length === 0) return;
    appendFileSync(this.file, Buffer.concat(this.pending));
    this.pending = [];
  }
}
