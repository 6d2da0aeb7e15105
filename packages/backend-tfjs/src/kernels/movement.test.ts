import type { DType } from '@lamina/api';
import { rand, size, withEngine } from '../__tests__/compare';

/** Data-movement kernels and matmul agree with backend-cpu, per engine. */

describe.each(['wasm', 'cpu'] as const)('movement and matmul kernels equal backend-cpu (%s engine)', (engine) => {
  const t = withEngine(engine);
  const x = rand(60, 21);
  const shape = [3, 4, 5];

  test('reshape, transpose, slice', () => {
    t.same('reshape', [[x, shape]], { shape: [12, 5] }, { shape: [12, 5], dtype: 'float32' });
    t.same('transpose', [[x, shape]], { perm: [2, 0, 1] }, { shape: [5, 3, 4], dtype: 'float32' });
    t.same('slice', [[x, shape]], { begin: [1, 0, 2], size: [2, 3, 3] }, { shape: [2, 3, 3], dtype: 'float32' });
  });

  test.each([
    [[0, 0, 0], [1, 1, 1], [3, 4, 5]],
    [[2, 3, 4], [-1, -1, -1], [3, 4, 5]],
    [[2, 1, 4], [-2, 2, -3], [2, 2, 2]],
    [[0, 3, 1], [2, -2, 3], [2, 2, 2]],
    [[1, 0, 0], [1, 1, 1], [0, 4, 5]],
  ])('stridedSlice begin %j strides %j -> %j', (begin, strides, out) => {
    t.same('stridedSlice', [[x, shape]], { begin, strides }, { shape: out, dtype: 'float32' });
  });

  test.each(['float32', 'int32', 'bool'] as DType[])('concat, pad, tile, reverse on %s', (dtype) => {
    const v = (n: number, seed: number): number[] => Array.from(rand(n, seed, -5, 5), (e) => (dtype === 'bool' ? +(e > 0) : dtype === 'int32' ? Math.round(e) : e));
    t.same('concat', [[v(6, 1), [2, 3], dtype], [[], [2, 0], dtype], [v(4, 2), [2, 2], dtype]], { axis: 1 }, { shape: [2, 5], dtype });
    t.same('pad', [[v(6, 3), [2, 3], dtype]], { paddings: [[1, 0], [2, 1]], value: dtype === 'bool' ? 1 : 7 }, { shape: [3, 6], dtype });
    t.same('tile', [[v(6, 4), [2, 3], dtype]], { reps: [2, 3] }, { shape: [4, 9], dtype });
    t.same('reverse', [[v(6, 5), [2, 3], dtype]], { axes: [0, 1] }, { shape: [2, 3], dtype });
    t.same('reverse', [[v(6, 5), [2, 3], dtype]], { axes: [] }, { shape: [2, 3], dtype });
  });

  test('gather with 2-D indices on a middle axis', () => {
    t.same('gather', [[x, shape], [[3, 0, 1, 3, 2, 2], [2, 3], 'int32']], { axis: 1 }, { shape: [3, 2, 3, 5], dtype: 'float32' });
  });

  test('unsortedSegmentSum drops negative ids; indices may cover two leading axes', () => {
    t.same('unsortedSegmentSum', [[x, [6, 10]], [[2, 0, -1, 2, 1, 0], [6], 'int32']], { numSegments: 4 }, { shape: [4, 10], dtype: 'float32' });
    t.same('unsortedSegmentSum', [[x, shape], [[1, 0, 1, 1, 2, 2, 0, 0, 1, 2, 2, 0], [3, 4], 'int32']], { numSegments: 3 }, { shape: [3, 5], dtype: 'float32' });
  });

  test.each([
    [[3, 4], [4, 5], false, false, [3, 5]],
    [[4, 3], [5, 4], true, true, [3, 5]],
    [[2, 3, 4], [4, 2], false, false, [2, 3, 2]],
    [[2, 1, 3, 4], [3, 4, 2], false, false, [2, 3, 3, 2]],
    [[1, 4, 3], [2, 5, 4], true, true, [2, 3, 5]],
  ])('matMul %j x %j (tA %s, tB %s)', (as, bs, ta, tb, out) => {
    t.same('matMul', [[rand(size(as), 1), as], [rand(size(bs), 2), bs]], { transposeA: ta, transposeB: tb }, { shape: out, dtype: 'float32' }, { rtol: 1e-5, atol: 1e-5 });
  });

  test('matMul of int32 matrices gives int32', () => {
    const a = Array.from(rand(6, 3, -9, 9), Math.round);
    const b = Array.from(rand(6, 4, -9, 9), Math.round);
    t.same('matMul', [[a, [2, 3], 'int32'], [b, [3, 2], 'int32']], { transposeA: false, transposeB: false }, { shape: [2, 2], dtype: 'int32' });
  });

  test.each(['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'elu'] as const)('fused matMulBiasAct %s', (act) => {
    const a = t.tfjs.write(rand(12, 1, -3, 3), [3, 4], 'float32');
    const b = t.tfjs.write(rand(20, 2, -3, 3), [4, 5], 'float32');
    const bias = t.tfjs.write(rand(5, 3), [5], 'float32');
    const ca = t.cpu.write(rand(12, 1, -3, 3), [3, 4], 'float32');
    const cb = t.cpu.write(rand(20, 2, -3, 3), [4, 5], 'float32');
    const cbias = t.cpu.write(rand(5, 3), [5], 'float32');
    const info = (dataId: object, s: number[]) => ({ dataId, shape: s, dtype: 'float32' as const });
    const out = { shape: [3, 5], dtype: 'float32' as const };
    for (const withBias of [true, false]) {
      const y = t.tfjs.fused!.matMulBiasAct!(info(a, [3, 4]), info(b, [4, 5]), withBias ? info(bias, [5]) : null, act, out);
      const cy = t.cpu.fused!.matMulBiasAct!(info(ca, [3, 4]), info(cb, [4, 5]), withBias ? info(cbias, [5]) : null, act, out);
      const got = t.tfjs.readSync(info(y, [3, 5]));
      const want = t.cpu.readSync(info(cy, [3, 5]));
      for (let i = 0; i < 15; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-5 + 1e-5 * Math.abs(want[i]!));
      t.tfjs.dispose(y);
      t.cpu.dispose(cy);
    }
    for (const id of [a, b, bias]) t.tfjs.dispose(id);
    for (const id of [ca, cb, cbias]) t.cpu.dispose(id);
  });
});
