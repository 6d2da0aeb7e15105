import * as fs from 'fs';
import * as path from 'path';
import { sha256OfFile } from '../download/sha256';
import { BUNDLED_DATA_DIR } from './bundled-data';
import { bostonHousing } from './boston-housing';
import { digits } from './digits';
import { imdb } from './imdb';
import { iris } from './iris';
import { mnist } from './mnist';

/** `| file | bytes | sha256 |` rows of a MANIFEST.md. */
function manifestRows(dataset: string): { file: string; bytes: number; sha256: string }[] {
  const text = fs.readFileSync(path.join(BUNDLED_DATA_DIR, dataset, 'MANIFEST.md'), 'utf8');
  const rows = [...text.matchAll(/^\|\s*([\w.-]+)\s*\|\s*(\d+)\s*\|\s*([0-9a-f]{64})\s*\|/gm)];
  return rows.map((m) => ({ file: m[1], bytes: Number(m[2]), sha256: m[3] }));
}

describe('bundled data files match their manifests', () => {
  test.each([
    ['mnist', 4],
    ['iris', 1],
    ['boston_housing', 3],
    ['digits', 3],
    ['imdb', 1],
  ])('%s: every listed file has the listed size and SHA-256', async (dataset, count) => {
    const rows = manifestRows(dataset);
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      const file = path.join(BUNDLED_DATA_DIR, dataset, row.file);
      expect(fs.statSync(file).size).toBe(row.bytes);
      expect(await sha256OfFile(file)).toBe(row.sha256);
    }
  });
});

describe('mnist', () => {
  test('70,000 images with Keras shapes, dtypes and first labels', async () => {
    const { train, test } = await mnist.load();
    expect(train.x.shape).toEqual([60000, 28, 28]);
    expect(train.x.data).toBeInstanceOf(Uint8Array);
    expect(train.y.shape).toEqual([60000]);
    expect(train.y.data).toBeInstanceOf(Uint8Array);
    expect(test.x.shape).toEqual([10000, 28, 28]);
    expect(test.y.shape).toEqual([10000]);
    expect(Array.from(train.y.data.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(test.y.data.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const counts = new Array(10).fill(0);
    for (const v of train.y.data) counts[v]++;
    expect(counts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    // Image 0 (a 5): the corners are background, and ink reaches 255.
    const first = train.x.data.subarray(0, 784);
    expect(first[0]).toBe(0);
    expect(Math.max(...first)).toBe(255);
  });
});

describe('iris', () => {
  test('all rows in file order, first row as the manifest says', () => {
    const { x, y } = iris.loadAll();
    expect(x.shape).toEqual([150, 4]);
    expect(Array.from(x.data.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    // UCI errata kept: row 35 (1-based) is 4.9,3.1,1.5,0.1.
    expect(Array.from(x.data.subarray(34 * 4, 35 * 4))).toEqual([4.9, 3.1, 1.5, 0.1].map(Math.fround));
    expect([y.data[0], y.data[50], y.data[100]]).toEqual([0, 1, 2]);
  });

  test('default split: 120/30, stratified (40/10 per class), seeded', async () => {
    const { train, test } = await iris.load();
    expect(train.x.shape).toEqual([120, 4]);
    expect(test.x.shape).toEqual([30, 4]);
    expect(train.x.data).toBeInstanceOf(Float32Array);
    expect(test.y.data).toBeInstanceOf(Int32Array);
    const count = (d: ArrayLike<number>, c: number) => Array.from(d).filter((v) => v === c).length;
    expect([0, 1, 2].map((c) => count(test.y.data, c))).toEqual([10, 10, 10]);
    const again = await iris.load();
    expect(Array.from(again.test.x.data)).toEqual(Array.from(test.x.data));
    const other = await iris.load({ seed: 7 });
    expect(Array.from(other.test.x.data)).not.toEqual(Array.from(test.x.data));
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });
});

describe('bostonHousing', () => {
  test("Keras's seed-113 split: 404/102, first row and first targets as published", async () => {
    const { train, test } = await bostonHousing.load();
    expect(train.x.shape).toEqual([404, 13]);
    expect(train.y.shape).toEqual([404]);
    expect(test.x.shape).toEqual([102, 13]);
    expect(test.y.shape).toEqual([102]);
    expect(train.x.data).toBeInstanceOf(Float32Array);
    expect(Array.from(train.x.data.subarray(0, 13))).toEqual(
      [1.23247, 0, 8.14, 0, 0.538, 6.142, 91.7, 3.9769, 4, 307, 21, 396.9, 18.72].map(Math.fround),
    );
    expect(Array.from(train.y.data.subarray(0, 10))).toEqual([15.2, 42.3, 50, 21.1, 17.7, 18.5, 11.3, 15.6, 15.6, 14.4].map(Math.fround));
  });

  test("other seeds shuffle with numpy's RandomState: same rows, another order", () => {
    const viaTable = bostonHousing.loadSync();
    const other = bostonHousing.loadSync({ seed: 1, testSplit: 0.5 });
    expect(other.train.x.shape).toEqual([253, 13]);
    expect(Array.from(other.train.y.data.subarray(0, 5))).not.toEqual(Array.from(viaTable.train.y.data.subarray(0, 5)));
    const sum = (d: ArrayLike<number>) => Array.from(d).reduce((a, b) => a + b, 0);
    expect(sum(other.train.y.data) + sum(other.test.y.data)).toBeCloseTo(sum(viaTable.train.y.data) + sum(viaTable.test.y.data), 2);
  });
});

describe('digits', () => {
  test('optdigits .tra (3823) / .tes (1797), class counts and first rows', async () => {
    const { train, test } = await digits.load();
    expect(train.x.shape).toEqual([3823, 8, 8]);
    expect(train.y.shape).toEqual([3823]);
    expect(test.x.shape).toEqual([1797, 8, 8]);
    expect(test.y.shape).toEqual([1797]);
    expect(Array.from(train.x.data.subarray(0, 8))).toEqual([0, 1, 6, 15, 12, 1, 0, 0]);
    expect(train.y.data[0]).toBe(0);
    expect(Array.from(test.x.data.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(test.y.data[0]).toBe(0);
    const counts = (d: ArrayLike<number>) => {
      const c = new Array(10).fill(0);
      for (const v of Array.from(d)) c[v]++;
      return c;
    };
    expect(counts(train.y.data)).toEqual([376, 389, 380, 389, 387, 376, 377, 387, 380, 382]);
    expect(counts(test.y.data)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(digits.loadSync({ flatten: true }).test.x.shape).toEqual([1797, 64]);
  });
});

describe('imdb word index', () => {
  test('88584 words, the=1, and=2, a=3', () => {
    const index = imdb.getWordIndex();
    expect(Object.keys(index)).toHaveLength(88584);
    expect([index.the, index.and, index.a]).toEqual([1, 2, 3]);
  });
});
