import { fromArrays, fromTensors } from './arrays';
import { fromGenerator } from './generator';
import { ArrayTensor, TypedArray } from '../types';

/** A stand-in for the api's Tensor: only shape and dataSync. */
class FakeTensor {
  reads = 0;
  constructor(
    readonly shape: number[],
    private readonly values: TypedArray,
  ) {}
  dataSync(): TypedArray {
    this.reads++;
    return this.values;
  }
}

describe('fromArrays', () => {
  test('an array of elements yields them in order', async () => {
    expect(await fromArrays([{ a: 1 }, { a: 2 }]).toArray()).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('{xs, ys} ArrayTensors are split along axis 0, keeping dtypes', async () => {
    const xs: ArrayTensor = { data: Float32Array.of(1, 2, 3, 4, 5, 6), shape: [3, 2] };
    const ys: ArrayTensor = { data: Uint8Array.of(7, 8, 9), shape: [3] };
    const rows = await fromArrays({ xs, ys }).toArray();
    expect(rows).toHaveLength(3);
    expect(rows[1].xs.shape).toEqual([2]);
    expect(Array.from(rows[1].xs.data)).toEqual([3, 4]);
    expect(rows[2].ys.shape).toEqual([]);
    expect(rows[2].ys.data).toBeInstanceOf(Uint8Array);
    expect(rows[2].ys.data[0]).toBe(9);
    // Batching rows gives back the original tensors.
    const [batch] = await fromArrays({ xs, ys }).batch(3).toArray();
    expect(Array.from(batch.xs.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(batch.ys.shape).toEqual([3]);
    expect(batch.ys.data).toBeInstanceOf(Uint8Array);
  });

  test('mismatched row counts are a clear error', () => {
    const xs: ArrayTensor = { data: new Float32Array(6), shape: [3, 2] };
    const ys: ArrayTensor = { data: new Float32Array(2), shape: [2] };
    expect(() => fromArrays({ xs, ys })).toThrow(
      'fromArrays: ys has 2 rows (shape [2]) but xs has 3 (shape [3,2]); all tensors must have the same length along axis 0.',
    );
    expect(() => fromArrays({ xs: { data: new Float32Array(5), shape: [3, 2] } })).toThrow('fromArrays: xs has shape [3,2] but 5 values.');
  });
});

describe('fromTensors', () => {
  test('splits tensor-likes (tuple and object), reading each once', async () => {
    const x = new FakeTensor([2, 2], Float32Array.of(1, 2, 3, 4));
    const y = new FakeTensor([2], Int32Array.of(0, 1));
    const tuple = await fromTensors([x, y]).toArray();
    expect(tuple.map(([a, b]) => [Array.from(a.data), Array.from(b.data)])).toEqual([
      [[1, 2], [0]],
      [[3, 4], [1]],
    ]);
    const ds = fromTensors({ xs: x, ys: y });
    expect((await ds.toArray())[1].ys.data).toBeInstanceOf(Int32Array);
    await ds.toArray();
    expect(x.reads).toBe(2); // once per fromTensors call, not per pass
  });

  test('rejects things that are not tensors', () => {
    expect(() => fromTensors({ xs: [1, 2, 3] as never })).toThrow("fromTensors: field 'xs' is not a tensor");
  });
});

describe('fromGenerator', () => {
  test('accepts sync and async generators, and iterables', async () => {
    expect(await fromGenerator(function* () { yield* [1, 2]; }).toArray()).toEqual([1, 2]);
    expect(
      await fromGenerator(async function* () {
        yield 'a';
        await new Promise((r) => setTimeout(r, 1));
        yield 'b';
      }).toArray(),
    ).toEqual(['a', 'b']);
    expect(await fromGenerator(() => new Set([3, 4])).toArray()).toEqual([3, 4]);
  });

  test('a non-function or a non-iterator result is a clear error', async () => {
    expect(() => fromGenerator(42 as never)).toThrow('fromGenerator: expected a function that returns a generator');
    await expect(fromGenerator(() => 5 as never).toArray()).rejects.toThrow('fromGenerator: the function must return an iterator or iterable');
  });
});
