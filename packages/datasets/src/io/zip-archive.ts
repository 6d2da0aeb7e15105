import * as zlib from 'zlib';

// Just enough of the ZIP format to read .npz files: the central directory (with zip64
// sizes), and members that are stored (method 0) or deflated (method 8).

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(buf: Buffer, source: string): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new Error(`readZip: ${source} is not a ZIP archive (no end-of-central-directory record); the file may be truncated.`);
}

function readZip64Extra(extra: Buffer, entry: { size: number; compressed: number; offset: number }): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      // Only the fields that were 0xFFFFFFFF in the fixed header are present, in this order.
      if (entry.size === 0xffffffff) (entry.size = Number(extra.readBigUInt64LE(q))), (q += 8);
      if (entry.compressed === 0xffffffff) (entry.compressed = Number(extra.readBigUInt64LE(q))), (q += 8);
      if (entry.offset === 0xffffffff) entry.offset = Number(extra.readBigUInt64LE(q));
    }
    p += 4 + len;
  }
}

function listEntries(buf: Buffer, source: string): Entry[] {
  const eocd = findEndOfCentralDirectory(buf, source);
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // zip64 end record, located by the locator just before the EOCD.
    const locator = eocd - 20;
    const end64 = Number(buf.readBigUInt64LE(locator + 8));
    count = Number(buf.readBigUInt64LE(end64 + 32));
    offset = Number(buf.readBigUInt64LE(end64 + 48));
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error(`readZip: ${source}: bad central directory entry ${i}.`);
    const method = buf.readUInt16LE(p + 10);
    const sizes = { compressed: buf.readUInt32LE(p + 20), size: buf.readUInt32LE(p + 24), offset: buf.readUInt32LE(p + 42) };
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    readZip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), sizes);
    entries.push({ name, method, compressedSize: sizes.compressed, localOffset: sizes.offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** All members of a ZIP archive held in memory, by name. */
export function readZip(buf: Buffer, source: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of listEntries(buf, source)) {
    const at = e.localOffset;
    if (buf.readUInt32LE(at) !== LOCAL) throw new Error(`readZip: ${source}: bad local header for ${e.name}.`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const body = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) out.set(e.name, body);
    else if (e.method === 8) out.set(e.name, zlib.inflateRawSync(body));
    else throw new Error(`readZip: ${source}: member ${e.name} uses compression method ${e.method}; only stored and deflate are supported.`);
  }
  return out;
}
