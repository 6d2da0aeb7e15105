import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Write to a temp file beside the target, then rename: readers never see half a file. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}
