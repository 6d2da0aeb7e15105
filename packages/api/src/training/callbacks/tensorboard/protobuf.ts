/**
 * The few protobuf encodings an Event with scalar summaries needs, written by hand:
 * Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
 * Summary { repeated Value value = 1; }  Value { string tag = 1; float simple_value = 2; }
 */
class Writer {
  private parts: number[] = [];
  varint(v: number): this {
    let n = BigInt(Math.trunc(v));
    if (n < 0n) n += 1n << 64n;
    do {
      let byte = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) byte |= 0x80;
      this.parts.push(byte);
    } while (n > 0n);
    return this;
  }
  key(field: number, wire: number): this { return this.varint((field << 3) | wire); }
  bytes(field: number, b: Uint8Array): this {
    this.key(field, 2).varint(b.length);
    for (const x of b) this.parts.push(x);
    return this;
  }
  string(field: number, s: string): this { return this.bytes(field, new TextEncoder().encode(s)); }
  double(field: number, v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.key(field, 1);
    for (const x of b) this.parts.push(x);
    return this;
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.key(field, 5);
    for (const x of b) this.parts.push(x);
    return this;
  }
  finish(): Uint8Array { return Uint8Array.from(this.parts); }
}

export interface ScalarValue { tag: string; value: number }

export function encodeEvent(e: { wallTime: number; step?: number; fileVersion?: string; scalars?: ScalarValue[] }): Uint8Array {
  const w = new Writer().double(1, e.wallTime);
  if (e.step !== undefined) w.key(2, 0).varint(e.step);
  if (e.fileVersion !== undefined) w.string(3, e.fileVersion);
  if (e.scalars) {
    const summary = new Writer();
    for (const s of e.scalars) summary.bytes(1, new Writer().string(1, s.tag).float(2, s.value).finish());
    w.bytes(5, summary.finish());
  }
  return w.finish();
}
