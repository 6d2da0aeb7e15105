import type { BinaryOp, DType } from '@lamina/api';
import { BINARY_OPS } from '@lamina/api';
import { apply, backend, expectClose, randn, ravel, rng, sizeOf, unravel } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

function binary(
  op: BinaryOp, a: number[], aShape: number[], b: number[], bShape: number[], outShape: number[],
  dtype: DType = 'float32', outDtype: DType = dtype,
): number[] {
  return Array.from(apply(be, 'binary', [[a, aShape, dtype], [b, bShape, dtype]], { op }, outShape, outDtype));
}

/** Independent broadcast: read each operand at the output index with size-1 axes pinned to 0. */
function refBroadcast(values: ArrayLike<number>, shape: number[], outShape: number[]): number[] {
  const lead = outShape.length - shape.length;
  return Array.from({ length: sizeOf(outShape) }, (_, i) => {
    const idx = unravel(i, outShape).slice(lead).map((v, d) => (shape[d] === 1 ? 0 : v));
    return values[ravel(idx, shape)];
  });
}

describe('binary ops by hand', () => {
  const same = (op: BinaryOp, a: number[], b: number[], dtype: DType = 'float32', outDtype: DType = dtype): number[] =>
    binary(op, a, [a.length], b, [b.length], [a.length], dtype, outDtype);

  test('arithmetic', () => {
    expect(same('add', [1, 2], [3, 4])).toEqual([4, 6]);
    expect(same('sub', [1, 2], [3, 5])).toEqual([-2, -3]);
    expect(same('mul', [1.5, 2], [2, -3])).toEqual([3, -6]);
    expect(same('div', [1, -3], [4, 2])).toEqual([0.25, -1.5]);
    expect(same('pow', [2, 9, 2], [10, 0.5, -1])).toEqual([1024, 3, 0.5]);
    expect(same('maximum', [1, 5], [3, 2])).toEqual([3, 5]);
    expect(same('minimum', [1, 5], [3, 2])).toEqual([1, 2]);
    expectClose(same('atan2', [1, 1, -1], [1, -1, 0]), [Math.PI / 4, (3 * Math.PI) / 4, -Math.PI / 2].map(Math.fround));
  });

  test('mod takes the sign of the divisor; floorDiv floors', () => {
    expect(same('mod', [5, -5, 5, -5, 6], [3, 3, -3, -3, 3])).toEqual([2, 1, -1, -2, 0]);
    expectClose(same('mod', [5.5, -5.5], [2, 2]), [1.5, 0.5]);
    expect(same('floorDiv', [7, -7, 7, -7], [2, 2, -2, -2])).toEqual([3, -4, -4, 3]);
    expect(same('floorDiv', [7, -7], [2, 2], 'int32')).toEqual([3, -4]);
    expect(same('mod', [-7, 7], [3, -3], 'int32')).toEqual([2, -2]);
  });

  test('int32 outputs truncate through the typed array', () => {
    expect(same('div', [7, -7], [2, 2], 'int32')).toEqual([3, -3]);
    expect(same('mul', [3, -4], [5, 6], 'int32')).toEqual([15, -24]);
  });

  test('comparisons and logical ops output bool', () => {
    expect(same('equal', [1, 2, NaN], [1, 3, NaN], 'float32', 'bool')).toEqual([1, 0, 0]);
    expect(same('notEqual', [1, 2], [1, 3], 'float32', 'bool')).toEqual([0, 1]);
    expect(same('less', [1, 2, 3], [2, 2, 2], 'float32', 'bool')).toEqual([1, 0, 0]);
    expect(same('lessEqual', [1, 2, 3], [2, 2, 2], 'float32', 'bool')).toEqual([1, 1, 0]);
    expect(same('greater', [1, 2, 3], [2, 2, 2], 'float32', 'bool')).toEqual([0, 0, 1]);
    expect(same('greaterEqual', [1, 2, 3], [2, 2, 2], 'float32', 'bool')).toEqual([0, 1, 1]);
    expect(same('logicalAnd', [0, 0, 1, 1], [0, 1, 0, 1], 'bool')).toEqual([0, 0, 0, 1]);
    expect(same('logicalOr', [0, 0, 1, 1], [0, 1, 0, 1], 'bool')).toEqual([0, 1, 1, 1]);
    expect(same('logicalXor', [0, 0, 1, 1], [0, 1, 0, 1], 'bool')).toEqual([0, 1, 1, 0]);
  });

  test('scalar operands on either side', () => {
    expect(binary('sub', [10], [], [1, 2, 3], [3], [3])).toEqual([9, 8, 7]);
    expect(binary('div', [2, 4, 6], [3], [2], [1], [3])).toEqual([1, 2, 3]);
    expect(binary('add', [2], [1, 1], [3], [], [1, 1])).toEqual([5]);
  });

  test('empty outputs', () => {
    expect(binary('add', [], [0, 3], [1, 2, 3], [3], [0, 3])).toEqual([]);
  });

  test('an unknown op is a clear error', () => {
    expect(() => binary('nope' as BinaryOp, [1], [1], [1], [1], [1])).toThrow(/unknown op 'nope'/);
  });
});

describe('broadcasting against an independent reference', () => {
  const rand = rng(7);
  const shapes: Array<[number[], number[], number[]]> = [
    [[2, 3], [3], [2, 3]],
    [[2, 1], [1, 3], [2, 3]],
    [[4, 1, 5], [3, 1], [4, 3, 5]],
    [[1, 3, 1, 2], [2, 1, 4, 1], [2, 3, 4, 2]],
    [[5, 4], [5, 1], [5, 4]],
    [[3, 1, 1], [1, 1, 7], [3, 1, 7]],
    [[6], [2, 3, 6], [2, 3, 6]],
  ];
  const ops: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'greater', 'mod'];
  test.each(shapes)('%j with %j -> %j', (aShape, bShape, outShape) => {
    const a = Array.from(randn(sizeOf(aShape), rand));
    const b = Array.from(randn(sizeOf(bShape), rand)).map((v) => v + (v >= 0 ? 0.5 : -0.5));
    const ra = refBroadcast(a, aShape, outShape);
    const rb = refBroadcast(b, bShape, outShape);
    for (const op of ops) {
      const f: Record<string, (x: number, y: number) => number> = {
        add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y,
        maximum: Math.max, greater: (x, y) => (x > y ? 1 : 0), mod: (x, y) => x - y * Math.floor(x / y),
      };
      const outDtype: DType = op === 'greater' ? 'bool' : 'float32';
      const got = binary(op, a, aShape, b, bShape, outShape, 'float32', outDtype);
      const want = ra.map((x, i) => f[op](Math.fround(x), Math.fround(rb[i])));
      expectClose(got, want.map(Math.fround), 1e-6, 1e-5);
      // Operands swapped must broadcast the same way.
      const swapped = binary(op, b, bShape, a, aShape, outShape, 'float32', outDtype);
      expectClose(swapped, ra.map((x, i) => Math.fround(f[op](Math.fround(rb[i]), Math.fround(x)))), 1e-6, 1e-5);
    }
  });

  test('every op of BINARY_OPS broadcasts', () => {
    for (const op of BINARY_OPS) {
      expect(binary(op, [1, 2, 3], [3, 1], [1, 0], [1, 2], [3, 2]).length).toBe(6);
    }
  });
});

describe('where', () => {
  test('three-way broadcast', () => {
    const y = apply(be, 'where', [[[1, 0, 1], [3, 1], 'bool'], [[10, 20], [1, 2]], [[-1], []]], {}, [3, 2]);
    expect(Array.from(y)).toEqual([10, 20, -1, -1, 10, 20]);
  });
  test('same shapes', () => {
    const y = apply(be, 'where', [[[0, 1, 0, 1], [4], 'bool'], [[1, 2, 3, 4], [4], 'int32'], [[5, 6, 7, 8], [4], 'int32']], {}, [4], 'int32');
    expect(Array.from(y)).toEqual([5, 2, 7, 4]);
  });
});
