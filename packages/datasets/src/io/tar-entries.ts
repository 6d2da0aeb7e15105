import * as fs from 'fs';
import { pipeline } from 'stream/promises';
import * as tar from 'tar-stream';
import * as zlib from 'zlib';

/** Reads the regular files of a .tar.gz whose names pass `wanted`, into memory. */
export async function readTarGzEntries(file: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const extract = tar.extract();
  const piping = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  // Seen again below; this only keeps the rejection from counting as unhandled meanwhile.
  piping.catch(() => undefined);
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of extract) {
      if (entry.header.type === 'file' && wanted(entry.header.name)) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        out.set(entry.header.name, Buffer.concat(chunks));
      } else {
        entry.resume();
      }
    }
    await piping;
  } catch (error) {
    throw new Error(`readTarGzEntries: ${file} could not be read as a .tar.gz: ${(error as Error).message}. Delete it to download it again.`);
  }
  return out;
}
