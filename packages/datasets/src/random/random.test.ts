import * as fs from 'fs';
import * as path from 'path';
import { NumpyRandomState, numpyShuffledRange } from './numpy-random-state';
import { SeededRandom, permutation } from './seeded-random';

describe('SeededRandom (mulberry32)', () => {
  test('same seed, same sequence; different seed, different sequence', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  test('pinned outputs for seed 0', () => {
    // Pinned outputs (mulberry32(0) starts 0.2664292..., i.e. 1144304738 / 2^32), so the order never drifts.
    const r = new SeededRandom(0);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([1144304738, 1416247, 958946056]);
  });

  test('next() is uniform-ish in [0, 1)', () => {
    const r = new SeededRandom(9);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });

  test('permutation is a seeded permutation', () => {
    const p = permutation(10, 5);
    expect([...p].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(permutation(10, 5))).toEqual(Array.from(p));
  });
});

describe('NumpyRandomState (MT19937 as np.random.RandomState)', () => {
  test('raw 32-bit outputs match numpy for seed 1', () => {
    // np.random.RandomState(1).randint(0, 2**32, size=3, dtype=np.uint64)
    const r = new NumpyRandomState(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([1791095845, 4282876139, 3093770124]);
  });

  test("shuffle(arange(506)) with seed 113 reproduces Keras's boston_housing split table", () => {
    const table = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'boston_housing', 'keras_split_seed113.json'), 'utf8'),
    ) as { permutation: number[] };
    expect(Array.from(numpyShuffledRange(506, 113))).toEqual(table.permutation);
  });

  test('shuffle(arange(25000)) with seed 113 matches numpy (the imdb train shuffle)', () => {
    const order = numpyShuffledRange(25000, 113);
    expect(Array.from(order.subarray(0, 8))).toEqual([7798, 13226, 18078, 793, 17499, 23003, 574, 19638]);
    expect(Array.from(order.subarray(24997))).toEqual([22690, 4828, 14501]);
  });
});
