import { fromArrays } from '../sources/arrays';
import { ArrayTensor } from '../types';
import { stackElements, unstackElement } from './stack';

describe('batch stacking', () => {
  test('numbers batch to float32 [n]; remainder kept or dropped', async () => {
    const batches = await fromArrays([1, 2, 3, 4, 5]).batch(2).toArray();
    expect(batches.map((b) => b.shape)).toEqual([[2], [2], [1]]);
    expect(batches[0].data).toBeInstanceOf(Float32Array);
    expect(Array.from(batches[2].data)).toEqual([5]);
    const dropped = await fromArrays([1, 2, 3, 4, 5]).batch(2, { dropRemainder: true }).toArray();
    expect(dropped.map((b) => Array.from(b.data))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test('ArrayTensors keep their dtype and gain a leading batch axis', () => {
    const a: ArrayTensor = { data: Uint8Array.of(1, 2, 3, 4), shape: [2, 2] };
    const b: ArrayTensor = { data: Uint8Array.of(5, 6, 7, 8), shape: [2, 2] };
    const out = stackElements([a, b]);
    expect(out.shape).toEqual([2, 2, 2]);
    expect(out.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('nested number arrays become float32 tensors', () => {
    const out = stackElements([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    expect(out.shape).toEqual([2, 2, 2]);
    expect(Array.from(out.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('{xs, ys} elements batch field by field (the fitDataset format)', async () => {
    const elements = [0, 1, 2].map((i) => ({ xs: [i, i + 10, i + 20], ys: i % 2 }));
    const [batch] = await fromArrays(elements).batch(3).toArray();
    expect(batch.xs.shape).toEqual([3, 3]);
    expect(Array.from(batch.xs.data)).toEqual([0, 10, 20, 1, 11, 21, 2, 12, 22]);
    expect(batch.ys.shape).toEqual([3]);
    expect(Array.from(batch.ys.data)).toEqual([0, 1, 0]);
  });

  test('tuples batch position by position', () => {
    const out = stackElements([
      [{ data: Int32Array.of(1), shape: [] }, [1, 2]],
      [{ data: Int32Array.of(2), shape: [] }, [3, 4]],
    ] as [ArrayTensor, number[]][]);
    expect(out[0].shape).toEqual([2]);
    expect(out[0].data).toBeInstanceOf(Int32Array);
    expect(Array.from(out[1].data)).toEqual([1, 2, 3, 4]);
  });

  test('mismatched shapes name both shapes, the element index and the field', () => {
    const el = (shape: number[]) => ({ xs: { data: new Float32Array(shape.reduce((a, b) => a * b, 1)), shape }, ys: 0 });
    expect(() => stackElements([el([2, 2]), el([2, 2]), el([2, 3])])).toThrow(
      'batch: element 2 (field xs) has shape [2,3] but element 0 has shape [2,2]; every element in a batch must have the same shape',
    );
    expect(() => stackElements([[1, 2], [3]])).toThrow('batch: element 1 has shape [1] but element 0 has shape [2]');
    expect(() => stackElements([{ a: 1 }, { b: 1 }] as never[])).toThrow("batch: element 1 has no field 'a' but element 0 has it.");
    expect(() => stackElements(['x', 'y'] as never[])).toThrow('batch: cannot batch a string');
    expect(() =>
      stackElements([
        { data: Float32Array.of(1), shape: [1] },
        { data: Int32Array.of(1), shape: [1] },
      ]),
    ).toThrow('batch: element 1 has dtype int32 but element 0 has dtype float32');
  });

  test('unbatch undoes batch, row by row', async () => {
    const elements = [0, 1, 2, 3, 4].map((i) => ({ xs: { data: Float32Array.of(i, -i), shape: [2] }, ys: { data: Uint8Array.of(i), shape: [] } }));
    const back = await fromArrays(elements).batch(2).unbatch().toArray();
    expect(back).toHaveLength(5);
    back.forEach((row, i) => {
      expect(row.xs.shape).toEqual([2]);
      expect(Array.from(row.xs.data)).toEqual([i, -i]);
      expect(row.ys.shape).toEqual([]);
      expect(row.ys.data).toBeInstanceOf(Uint8Array);
      expect(row.ys.data[0]).toBe(i);
    });
    expect(() =>
      unstackElement({ a: { data: new Float32Array(2), shape: [2] }, b: { data: new Float32Array(3), shape: [3] } }),
    ).toThrow('unbatch: field b has batch size 3 but field a has 2');
  });
});
