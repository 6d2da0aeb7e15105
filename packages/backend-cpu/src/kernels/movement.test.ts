import { apply, backend, expectClose, randn, ravel, rng, sizeOf, unravel } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));
const rand = rng(5);
const iota = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('transpose', () => {
  test('2-D by hand', () => {
    expect(Array.from(apply(be, 'transpose', [[iota(6), [2, 3]]], { perm: [1, 0] }, [3, 2]))).toEqual([0, 3, 1, 4, 2, 5]);
  });
  test.each([[[2, 3, 4], [2, 0, 1]], [[2, 3, 4, 5], [3, 1, 0, 2]], [[1, 4, 1, 3], [2, 3, 0, 1]], [[3, 4, 5], [0, 1, 2]]])(
    'shape %j perm %j matches out[idx] = x[idx permuted back]', (shape, perm) => {
      const x = randn(sizeOf(shape), rand);
      const outShape = perm.map((p) => shape[p]);
      const got = apply(be, 'transpose', [[x, shape]], { perm }, outShape);
      for (let i = 0; i < got.length; i++) {
        const o = unravel(i, outShape);
        const src = new Array<number>(shape.length);
        perm.forEach((p, d) => { src[p] = o[d]; });
        expect(got[i]).toBe(x[ravel(src, shape)]);
      }
    });
  test('bad perm is a clear error', () => {
    expect(() => apply(be, 'transpose', [[iota(6), [2, 3]]], { perm: [0, 0] }, [2, 2])).toThrow(/not a permutation/);
  });
});

describe('slice and stridedSlice', () => {
  test('slice by hand', () => {
    const x = iota(24);
    expect(Array.from(apply(be, 'slice', [[x, [2, 3, 4]]], { begin: [1, 0, 1], size: [1, 2, 2] }, [1, 2, 2]))).toEqual([13, 14, 17, 18]);
    expect(Array.from(apply(be, 'slice', [[x, [2, 3, 4]]], { begin: [0, 1, 0], size: [2, 1, 4] }, [2, 1, 4]))).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
    expect(Array.from(apply(be, 'slice', [[x, [24]]], { begin: [3], size: [0] }, [0]))).toEqual([]);
    expect(() => apply(be, 'slice', [[x, [24]]], { begin: [20], size: [5] }, [5])).toThrow(/exceed shape \[24\]/);
  });
  test('long contiguous rows', () => {
    const x = iota(2 * 40);
    expect(Array.from(apply(be, 'slice', [[x, [2, 40]]], { begin: [0, 2], size: [2, 36] }, [2, 36]))).toEqual([...iota(36).map((v) => v + 2), ...iota(36).map((v) => v + 42)]);
  });
  test('stridedSlice with positive and negative steps', () => {
    const x = iota(12); // [3, 4]
    // rows 2, 0 (step -2); cols 1, 3 (step 2)
    expect(Array.from(apply(be, 'stridedSlice', [[x, [3, 4]]], { begin: [2, 1], strides: [-2, 2] }, [2, 2]))).toEqual([9, 11, 1, 3]);
    // full reverse of axis 1
    expect(Array.from(apply(be, 'stridedSlice', [[x, [3, 4]]], { begin: [0, 3], strides: [1, -1] }, [3, 4]))).toEqual([3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8]);
    expect(Array.from(apply(be, 'stridedSlice', [[x, [3, 4]]], { begin: [0, 0], strides: [1, 3] }, [0, 2]))).toEqual([]);
    expect(() => apply(be, 'stridedSlice', [[x, [3, 4]]], { begin: [0, 1], strides: [1, 2] }, [3, 3])).toThrow(/axis 1 reads indices 1..5/);
  });
});

describe('concat', () => {
  test('axis 0 and axis 1, with an empty input', () => {
    expect(Array.from(apply(be, 'concat', [[[1, 2], [1, 2]], [[], [0, 2]], [[3, 4, 5, 6], [2, 2]]], { axis: 0 }, [3, 2]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(apply(be, 'concat', [[[1, 2], [2, 1]], [[], [2, 0]], [[3, 4, 5, 6], [2, 2]]], { axis: 1 }, [2, 3]))).toEqual([1, 3, 4, 2, 5, 6]);
  });
  test('a single input and many inputs along a middle axis', () => {
    expect(Array.from(apply(be, 'concat', [[[1, 2, 3], [3]]], { axis: 0 }, [3]))).toEqual([1, 2, 3]);
    const parts = [1, 2, 3].map((k) => Array.from({ length: 2 * k * 2 }, (_, i) => k * 100 + i));
    const got = apply(be, 'concat', parts.map((p, i) => [p, [2, i + 1, 2]] as [number[], number[]]), { axis: 1 }, [2, 6, 2]);
    // Reference: out[a, j, c] from the part that owns row j.
    const want: number[] = [];
    for (let a = 0; a < 2; a++) for (let k = 1; k <= 3; k++) for (let j = 0; j < k; j++) for (let c = 0; c < 2; c++) want.push(parts[k - 1][(a * k + j) * 2 + c]);
    expect(Array.from(got)).toEqual(want);
  });
  test('sizes that do not add up are a clear error', () => {
    expect(() => apply(be, 'concat', [[[1], [1]], [[2], [1]]], { axis: 0 }, [3])).toThrow(/sum to 2, but the output has 3/);
  });
});

describe('pad, tile, reverse', () => {
  test('pad by hand', () => {
    expect(Array.from(apply(be, 'pad', [[[1, 2, 3, 4], [2, 2]]], { paddings: [[1, 0], [0, 2]], value: 0 }, [3, 4]))).toEqual([0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0]);
    expect(Array.from(apply(be, 'pad', [[[7], [1]]], { paddings: [[2, 1]], value: -1 }, [4]))).toEqual([-1, -1, 7, -1]);
    expect(Array.from(apply(be, 'pad', [[[], [0]]], { paddings: [[1, 1]], value: 5 }, [2]))).toEqual([5, 5]);
  });
  test('pad matches a reference on 3-D data', () => {
    const shape = [2, 3, 2];
    const paddings: Array<[number, number]> = [[0, 1], [2, 1], [1, 1]];
    const outShape = shape.map((s, d) => s + paddings[d][0] + paddings[d][1]);
    const x = randn(12, rand);
    const got = apply(be, 'pad', [[x, shape]], { paddings, value: 9 }, outShape);
    for (let i = 0; i < got.length; i++) {
      const o = unravel(i, outShape).map((v, d) => v - paddings[d][0]);
      const inside = o.every((v, d) => v >= 0 && v < shape[d]);
      expect(got[i]).toBe(inside ? x[ravel(o, shape)] : 9);
    }
  });
  test('tile by hand and by reference', () => {
    expect(Array.from(apply(be, 'tile', [[[1, 2, 3, 4], [2, 2]]], { reps: [1, 2] }, [2, 4]))).toEqual([1, 2, 1, 2, 3, 4, 3, 4]);
    const shape = [2, 1, 3];
    const reps = [2, 3, 2];
    const outShape = shape.map((s, d) => s * reps[d]);
    const x = randn(6, rand);
    const got = apply(be, 'tile', [[x, shape]], { reps }, outShape);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBe(x[ravel(unravel(i, outShape).map((v, d) => v % shape[d]), shape)]);
  });
  test('reverse one or several axes', () => {
    const x = iota(6);
    expect(Array.from(apply(be, 'reverse', [[x, [2, 3]]], { axes: [1] }, [2, 3]))).toEqual([2, 1, 0, 5, 4, 3]);
    expect(Array.from(apply(be, 'reverse', [[x, [2, 3]]], { axes: [0] }, [2, 3]))).toEqual([3, 4, 5, 0, 1, 2]);
    expect(Array.from(apply(be, 'reverse', [[x, [2, 3]]], { axes: [0, 1] }, [2, 3]))).toEqual([5, 4, 3, 2, 1, 0]);
    expect(Array.from(apply(be, 'reverse', [[x, [2, 3]]], { axes: [] }, [2, 3]))).toEqual(x);
  });
});

describe('gather', () => {
  test('axis 0 with rank-2 indices', () => {
    const x = [10, 11, 20, 21, 30, 31]; // [3, 2]
    const got = apply(be, 'gather', [[x, [3, 2]], [[2, 0, 1, 2], [2, 2], 'int32']], { axis: 0 }, [2, 2, 2]);
    expect(Array.from(got)).toEqual([30, 31, 10, 11, 20, 21, 30, 31]);
  });
  test('middle axis against a reference', () => {
    const shape = [2, 4, 3];
    const x = randn(24, rand);
    const idx = [3, 0, 0, 2, 1, 3];
    const outShape = [2, 2, 3, 3];
    const got = apply(be, 'gather', [[x, shape], [idx, [2, 3], 'int32']], { axis: 1 }, outShape);
    for (let i = 0; i < got.length; i++) {
      const [a, p, q, c] = unravel(i, outShape);
      expect(got[i]).toBe(x[ravel([a, idx[p * 3 + q], c], shape)]);
    }
  });
  test('int32 data and scalar indices', () => {
    expect(Array.from(apply(be, 'gather', [[[5, 6, 7], [3], 'int32'], [[1], [], 'int32']], { axis: 0 }, [], 'int32'))).toEqual([6]);
  });
  test('an out-of-range index names the index and the valid range', () => {
    expect(() => apply(be, 'gather', [[[1, 2, 3], [3]], [[0, 3], [2], 'int32']], { axis: 0 }, [2]))
      .toThrow(/index 3 \(at flat position 1.*valid indices along axis 0 are 0\.\.2/);
    expect(() => apply(be, 'gather', [[[1, 2, 3], [3]], [[-1], [1], 'int32']], { axis: 0 }, [1])).toThrow(/index -1/);
  });
});

describe('unsortedSegmentSum', () => {
  test('rank-1 indices', () => {
    const x = [1, 2, 3, 4, 5, 6]; // [3, 2]
    expect(Array.from(apply(be, 'unsortedSegmentSum', [[x, [3, 2]], [[2, 0, 2], [3], 'int32']], { numSegments: 4 }, [4, 2]))).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
  });
  test('indices whose shape is a prefix of x (the gradient of a rank-2 gather)', () => {
    const x = randn(2 * 3 * 4, rand); // [2, 3, 4]
    const idx = [1, 0, 1, 4, 1, 0];
    const got = apply(be, 'unsortedSegmentSum', [[x, [2, 3, 4]], [idx, [2, 3], 'int32']], { numSegments: 5 }, [5, 4]);
    const want = new Array<number>(20).fill(0);
    for (let i = 0; i < 6; i++) for (let c = 0; c < 4; c++) want[idx[i] * 4 + c] += x[i * 4 + c];
    expectClose(got, want.map(Math.fround), 1e-6, 1e-6);
  });
  test('negative ids are dropped; too-large ids are a clear error', () => {
    expect(Array.from(apply(be, 'unsortedSegmentSum', [[[1, 2, 3], [3]], [[0, -1, 0], [3], 'int32']], { numSegments: 1 }, [1]))).toEqual([4]);
    expect(() => apply(be, 'unsortedSegmentSum', [[[1, 2], [2]], [[0, 2], [2], 'int32']], { numSegments: 2 }, [2])).toThrow(/segment id 2.*0\.\.1/);
  });
});
