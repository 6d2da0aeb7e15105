import { ArrayTensor } from '../types';

/**
 * CIFAR "binary version" records: `labelBytes` label bytes (CIFAR-10: 1; CIFAR-100: coarse,
 * fine), then 3072 pixel bytes as three 32x32 planes (R, G, B). Pixels are turned into
 * channels-last [n, 32, 32, 3], as Keras returns them.
 */
export function parseCifarRecords(
  files: Buffer[],
  labelBytes: 1 | 2,
  labelIndex: number,
  source: string,
): { x: ArrayTensor; y: ArrayTensor } {
  const recordBytes = labelBytes + 3072;
  let n = 0;
  for (const f of files) {
    if (f.length % recordBytes !== 0) {
      throw new Error(`parseCifarRecords: ${source}: a file of ${f.length} bytes is not a whole number of ${recordBytes}-byte records.`);
    }
    n += f.length / recordBytes;
  }
  const x = new Uint8Array(n * 3072);
  const y = new Uint8Array(n);
  let r = 0;
  for (const f of files) {
    for (let at = 0; at < f.length; at += recordBytes, r++) {
      y[r] = f[at + labelIndex];
      const pixels = at + labelBytes;
      const out = r * 3072;
      for (let p = 0; p < 1024; p++) {
        x[out + 3 * p] = f[pixels + p];
        x[out + 3 * p + 1] = f[pixels + 1024 + p];
        x[out + 3 * p + 2] = f[pixels + 2048 + p];
      }
    }
  }
  return { x: { data: x, shape: [n, 32, 32, 3] }, y: { data: y, shape: [n, 1] } };
}
