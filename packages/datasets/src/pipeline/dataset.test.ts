import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Dataset } from './dataset';
import { fromArrays } from '../sources/arrays';
import { fromGenerator } from '../sources/generator';
import { ArrayTensor } from '../types';

const range = (n: number) => fromArrays(Array.from({ length: n }, (_, i) => i));

describe('Dataset operators', () => {
  test('map (sync and async), filter, take, skip keep order', async () => {
    const ds = range(10)
      .map((x) => x * 10)
      .map(async (x) => x + 1)
      .filter((x) => x % 20 === 1)
      .skip(1)
      .take(3);
    expect(await ds.toArray()).toEqual([21, 41, 61]);
  });

  test('map passes the element index', async () => {
    expect(await fromArrays(['a', 'b', 'c']).map((s, i) => `${s}${i}`).toArray()).toEqual(['a0', 'b1', 'c2']);
  });

  test('datasets are re-iterable: each pass starts fresh', async () => {
    let opened = 0;
    const ds = fromGenerator(function* () {
      opened++;
      yield* [1, 2, 3];
    }).map((x) => x * 2);
    expect(await ds.toArray()).toEqual([2, 4, 6]);
    expect(await ds.toArray()).toEqual([2, 4, 6]);
    expect(opened).toBe(2);
  });

  test('repeat(n), repeat() with take, and repeat of an empty dataset ends', async () => {
    expect(await range(3).repeat(2).toArray()).toEqual([0, 1, 2, 0, 1, 2]);
    expect(await range(3).repeat().take(7).toArray()).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(await range(0).repeat().toArray()).toEqual([]);
  });

  test('take stops pulling from upstream after the last element', async () => {
    let produced = 0;
    const ds = fromGenerator(function* () {
      for (let i = 0; ; i++) {
        produced++;
        yield i;
      }
    });
    expect(await ds.take(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(produced).toBe(5);
  });

  test('concatenate and zip (array and object; stops at the shortest)', async () => {
    expect(await range(2).concatenate(fromArrays(['a'])).toArray()).toEqual([0, 1, 'a']);
    expect(await Dataset.zip([range(3), fromArrays(['a', 'b'])]).toArray()).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    const zipped = await Dataset.zip({ xs: range(3), ys: range(3).map((x) => -x) }).toArray();
    expect(zipped).toEqual([
      { xs: 0, ys: -0 },
      { xs: 1, ys: -1 },
      { xs: 2, ys: -2 },
    ]);
  });

  test('zip closes the longer dataset when the shorter ends', async () => {
    let closed = false;
    const long = fromGenerator(function* () {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    });
    expect(await Dataset.zip([range(2), long]).toArray()).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(closed).toBe(true);
  });

  test('forEachAsync visits every element in order with its index', async () => {
    const seen: string[] = [];
    await range(3).forEachAsync(async (x, i) => {
      await new Promise((r) => setTimeout(r, 1));
      seen.push(`${i}:${x}`);
    });
    expect(seen).toEqual(['0:0', '1:1', '2:2']);
  });

  test('invalid arguments are clear errors', () => {
    expect(() => range(3).batch(0)).toThrow('Dataset.batch: size must be an integer >= 1, got 0.');
    expect(() => range(3).shuffle(-1)).toThrow('Dataset.shuffle: bufferSize must be an integer >= 1');
    expect(() => range(3).take(1.5)).toThrow('Dataset.take: count must be an integer >= 0, got 1.5.');
  });

  test('errors thrown inside map reach the consumer', async () => {
    const ds = range(5).map((x) => {
      if (x === 3) throw new Error('bad element 3');
      return x;
    });
    await expect(ds.toArray()).rejects.toThrow('bad element 3');
  });
});

describe('shuffle', () => {
  test('is a permutation, the same for the same seed, different for another seed', async () => {
    const a = await range(100).shuffle(100, { seed: 7 }).toArray();
    const b = await range(100).shuffle(100, { seed: 7 }).toArray();
    const c = await range(100).shuffle(100, { seed: 8 }).toArray();
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  test('reshuffles each pass by default, reproducibly; reshuffleEachIteration false replays', async () => {
    const ds = range(50).shuffle(50, { seed: 1 });
    const p1 = await ds.toArray();
    const p2 = await ds.toArray();
    expect(p1).not.toEqual(p2);
    const again = range(50).shuffle(50, { seed: 1 });
    expect(await again.toArray()).toEqual(p1);
    expect(await again.toArray()).toEqual(p2);
    const fixed = range(50).shuffle(50, { seed: 1, reshuffleEachIteration: false });
    expect(await fixed.toArray()).toEqual(await fixed.toArray());
  });

  test('a small buffer only moves elements locally', async () => {
    const out = await range(1000).shuffle(10, { seed: 3 }).toArray();
    // An element can come out at most bufferSize - 1 places early.
    out.forEach((v, i) => expect(v).toBeLessThanOrEqual(i + 10));
    expect([...out].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

/** A generator source that counts how far it has run ahead of the consumer. */
function countingSource(n: number) {
  const stats = { produced: 0, consumed: 0, maxAhead: 0 };
  const ds = fromGenerator(function* () {
    for (let i = 0; i < n; i++) {
      stats.produced++;
      stats.maxAhead = Math.max(stats.maxAhead, stats.produced - stats.consumed);
      yield i;
    }
  });
  return { ds, stats };
}

describe('bounded memory', () => {
  test('map/filter/batch/shuffle/prefetch over 20k elements hold at most buffer + prefetch', async () => {
    const { ds, stats } = countingSource(20000);
    const pipeline = ds.map((x) => x + 1).shuffle(16, { seed: 0 }).prefetch(4);
    let count = 0;
    for await (const value of pipeline) {
      expect(value).toBeGreaterThan(0);
      stats.consumed++;
      count++;
      // Give prefetch time to run ahead as far as it is allowed.
      if (count % 1000 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(count).toBe(20000);
    expect(stats.maxAhead).toBeGreaterThanOrEqual(16);
    expect(stats.maxAhead).toBeLessThanOrEqual(16 + 4 + 1);
  });

  test('prefetch(n) runs exactly up to n ahead while the consumer waits', async () => {
    const { ds, stats } = countingSource(100);
    const it = ds.prefetch(5)[Symbol.asyncIterator]();
    await it.next();
    stats.consumed++;
    await new Promise((r) => setTimeout(r, 20));
    expect(stats.produced - stats.consumed).toBe(5);
    await it.return!();
  });

  test('without prefetch, a plain pipeline runs at most one element ahead', async () => {
    const { ds, stats } = countingSource(500);
    for await (const _ of ds.map((x) => x).batch(1).unbatch()) {
      stats.consumed++;
    }
    expect(stats.maxAhead).toBe(1);
  });

  test('batch holds one batch at a time', async () => {
    const { ds, stats } = countingSource(1000);
    for await (const b of ds.batch(32)) {
      stats.consumed += b.shape[0];
    }
    expect(stats.maxAhead).toBeLessThanOrEqual(32);
  });
});

describe('prefetch', () => {
  test('keeps order and propagates errors in place', async () => {
    expect(await range(20).prefetch(3).toArray()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const failing = fromGenerator(async function* () {
      yield 1;
      yield 2;
      throw new Error('source broke after 2');
    }).prefetch(4);
    const seen: number[] = [];
    await expect(failing.forEachAsync((x) => void seen.push(x))).rejects.toThrow('source broke after 2');
    expect(seen).toEqual([1, 2]);
  });
});

describe('cache', () => {
  test('memory cache reads the source once', async () => {
    let opened = 0;
    const ds = fromGenerator(function* () {
      opened++;
      yield* [1, 2, 3];
    }).cache();
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(opened).toBe(1);
  });

  test('a pass stopped early does not leave a partial memory cache', async () => {
    let opened = 0;
    const ds = fromGenerator(function* () {
      opened++;
      yield* [1, 2, 3];
    }).cache();
    expect(await ds.take(1).toArray()).toEqual([1]);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(opened).toBe(2);
  });

  test('file cache writes once, replays tensors exactly, and survives a new Dataset', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-cache-'));
    const file = path.join(dir, 'elements.cache');
    let opened = 0;
    const make = () =>
      fromGenerator(function* () {
        opened++;
        for (let i = 0; i < 3; i++) {
          const xs: ArrayTensor = { data: Float32Array.of(i, i + 0.5, NaN), shape: [3] };
          yield { xs, ys: { data: Uint8Array.of(i), shape: [] as number[] }, id: i, name: `n${i}`, bad: i === 2 ? Infinity : 0 };
        }
      }).cache({ file });
    const first = await make().toArray();
    expect(opened).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['elements.cache']);
    const replay = await make().toArray();
    expect(opened).toBe(1);
    expect(replay).toHaveLength(3);
    expect(replay[1].xs.data).toBeInstanceOf(Float32Array);
    expect(Array.from(replay[1].xs.data)).toEqual([1, 1.5, NaN]);
    expect(replay[2].ys.data).toBeInstanceOf(Uint8Array);
    expect(replay[2].ys.shape).toEqual([]);
    expect(replay[2].bad).toBe(Infinity);
    expect(replay.map((r) => r.name)).toEqual(first.map((r) => r.name));
    fs.rmSync(dir, { recursive: true });
  });

  test('file cache: an interrupted first pass leaves no file behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-cache-'));
    const file = path.join(dir, 'c.cache');
    const ds = range(10).cache({ file });
    expect(await ds.take(3).toArray()).toEqual([0, 1, 2]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await ds.toArray()).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(fs.readdirSync(dir)).toEqual(['c.cache']);
    fs.writeFileSync(file, 'not a cache\n');
    await expect(ds.toArray()).rejects.toThrow(`cache: ${file} is not a Lamina dataset cache file`);
    fs.rmSync(dir, { recursive: true });
  });
});
