import * as fs from 'fs';
import * as jpeg from 'jpeg-js';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';
import { fromImageDirectory } from './image-directory';

let dir: string;

function png(width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number]): Buffer {
  const img = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) img.data.set(rgba(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(img);
}

function jpg(width: number, height: number, rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([...rgb, 255], p * 4);
  return jpeg.encode({ data, width, height }, 100).data;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-images-'));
  fs.mkdirSync(path.join(dir, 'dogs'));
  fs.mkdirSync(path.join(dir, 'cats'));
  // A 2x2 PNG: red, green / blue, white.
  const colours: [number, number, number, number][] = [
    [255, 0, 0, 255],
    [0, 255, 0, 255],
    [0, 0, 255, 255],
    [255, 255, 255, 255],
  ];
  fs.writeFileSync(path.join(dir, 'cats', 'a.png'), png(2, 2, (x, y) => colours[y * 2 + x]));
  fs.writeFileSync(path.join(dir, 'cats', 'b.PNG'), png(2, 2, () => [10, 20, 30, 255]));
  fs.writeFileSync(path.join(dir, 'dogs', 'c.jpg'), jpg(2, 2, [200, 100, 50]));
  fs.writeFileSync(path.join(dir, 'dogs', 'notes.txt'), 'not an image');
});
afterAll(() => fs.rmSync(dir, { recursive: true }));

describe('fromImageDirectory', () => {
  test('labels from sorted subfolder names; PNG pixels exact; JPEG close', async () => {
    const ds = fromImageDirectory(dir);
    expect(ds.classNames).toEqual(['cats', 'dogs']);
    expect(ds.fileCount).toBe(3);
    const items = await ds.toArray();
    expect(items.map((e) => e.ys.data[0])).toEqual([0, 0, 1]);
    expect(items[0].xs.shape).toEqual([2, 2, 3]);
    expect(items[0].xs.data).toBeInstanceOf(Float32Array);
    expect(Array.from(items[0].xs.data)).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const jpegPixel = Array.from(items[2].xs.data.slice(0, 3));
    jpegPixel.forEach((v, i) => expect(Math.abs(v - [200, 100, 50][i])).toBeLessThanOrEqual(3));
  });

  test('grayscale, uint8 and resize; batches to [n, h, w, c]', async () => {
    const ds = fromImageDirectory(dir, { grayscale: true, dtype: 'uint8', size: [4, 4] });
    const [batch] = await ds.batch(3).toArray();
    expect(batch.xs.shape).toEqual([3, 4, 4, 1]);
    expect(batch.xs.data).toBeInstanceOf(Uint8Array);
    expect(batch.ys.shape).toEqual([3]);
    expect(batch.ys.data).toBeInstanceOf(Int32Array);
    // Image b is uniform: luma of (10, 20, 30) = round(10*.299 + 20*.587 + 30*.114) = 18, everywhere.
    expect(Array.from(batch.xs.data.slice(16, 32))).toEqual(new Array(16).fill(18));
    // Image a's top-left output pixel is pure red's luma (76) — half-pixel centres clamp at the corner.
    expect(batch.xs.data[0]).toBe(76);
  });

  test('shuffle with a seed is reproducible and covers every file', async () => {
    const a = await fromImageDirectory(dir, { shuffle: true, seed: 4 }).toArray();
    const b = await fromImageDirectory(dir, { shuffle: true, seed: 4 }).toArray();
    expect(a.map((e) => e.xs.data[0])).toEqual(b.map((e) => e.xs.data[0]));
    expect(a.map((e) => e.ys.data[0]).sort()).toEqual([0, 0, 1]);
  });

  test('clear errors for a missing folder, no classes, and undecodable files', async () => {
    expect(() => fromImageDirectory(path.join(dir, 'missing'))).toThrow('is not a directory; expected');
    expect(() => fromImageDirectory(path.join(dir, 'cats'))).toThrow('has no subfolders');
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-broken-'));
    fs.mkdirSync(path.join(broken, 'x'));
    fs.writeFileSync(path.join(broken, 'x', 'bad.png'), 'definitely not a png');
    await expect(fromImageDirectory(broken).toArray()).rejects.toThrow('is neither a PNG nor a JPEG');
    fs.rmSync(broken, { recursive: true });
  });
});
