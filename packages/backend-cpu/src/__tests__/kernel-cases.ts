import type { DType, KernelName, TensorInfo } from '@lamina/api';
import type { CpuBackend } from '../cpu-backend';
import { convInfo, tensor, xShape, yShape } from './helpers';

/** One small valid call per kernel, for the contract-wide checks in cpu-backend.test.ts. */
export interface KernelCase { inputs: TensorInfo[]; attrs: object; out: { shape: number[]; dtype: DType } }

const f = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 7) - 3 + i / 10);

const conv = convInfo({ batch: 2, inH: 5, inW: 4, inC: 3, fh: 3, fw: 2, outC: 4, stride: [2, 1], pad: { top: 1, bottom: 1, left: 0, right: 1 } });
const dw = convInfo({ batch: 1, inH: 4, inW: 4, inC: 2, fh: 2, fw: 2, mult: 2 });
const pool = convInfo({ batch: 1, inH: 4, inW: 4, inC: 2, fh: 2, fw: 2, outC: 2, stride: [2, 2] });

const sz = (s: number[]): number => s.reduce((a, b) => a * b, 1);

export const KERNEL_CASES: Record<KernelName, (be: CpuBackend) => KernelCase> = {
  unary: (be) => ({ inputs: [tensor(be, f(4), [4])], attrs: { op: 'exp' }, out: { shape: [4], dtype: 'float32' } }),
  binary: (be) => ({ inputs: [tensor(be, f(6), [2, 3]), tensor(be, f(3), [3])], attrs: { op: 'mul' }, out: { shape: [2, 3], dtype: 'float32' } }),
  cast: (be) => ({ inputs: [tensor(be, f(4), [4])], attrs: { dtype: 'int32' }, out: { shape: [4], dtype: 'int32' } }),
  where: (be) => ({
    inputs: [tensor(be, [1, 0], [2, 1], 'bool'), tensor(be, f(3), [3]), tensor(be, [9], [1])],
    attrs: {}, out: { shape: [2, 3], dtype: 'float32' },
  }),
  reduce: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { op: 'sum', axes: [1] }, out: { shape: [2], dtype: 'float32' } }),
  argMax: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { axis: 0 }, out: { shape: [3], dtype: 'int32' } }),
  argMin: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { axis: 1 }, out: { shape: [2], dtype: 'int32' } }),
  reshape: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { shape: [3, 2] }, out: { shape: [3, 2], dtype: 'float32' } }),
  transpose: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { perm: [1, 0] }, out: { shape: [3, 2], dtype: 'float32' } }),
  slice: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { begin: [0, 1], size: [2, 2] }, out: { shape: [2, 2], dtype: 'float32' } }),
  stridedSlice: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { begin: [1, 2], strides: [-1, -2] }, out: { shape: [2, 2], dtype: 'float32' } }),
  concat: (be) => ({ inputs: [tensor(be, f(2), [2, 1]), tensor(be, f(4), [2, 2])], attrs: { axis: 1 }, out: { shape: [2, 3], dtype: 'float32' } }),
  pad: (be) => ({ inputs: [tensor(be, f(2), [2])], attrs: { paddings: [[1, 2]], value: 5 }, out: { shape: [5], dtype: 'float32' } }),
  tile: (be) => ({ inputs: [tensor(be, f(2), [2])], attrs: { reps: [3] }, out: { shape: [6], dtype: 'float32' } }),
  reverse: (be) => ({ inputs: [tensor(be, f(6), [2, 3])], attrs: { axes: [1] }, out: { shape: [2, 3], dtype: 'float32' } }),
  gather: (be) => ({ inputs: [tensor(be, f(6), [3, 2]), tensor(be, [2, 0], [2], 'int32')], attrs: { axis: 0 }, out: { shape: [2, 2], dtype: 'float32' } }),
  unsortedSegmentSum: (be) => ({
    inputs: [tensor(be, f(6), [3, 2]), tensor(be, [1, 0, 1], [3], 'int32')], attrs: { numSegments: 2 }, out: { shape: [2, 2], dtype: 'float32' },
  }),
  matMul: (be) => ({
    inputs: [tensor(be, f(6), [2, 3]), tensor(be, f(12), [3, 4])], attrs: { transposeA: false, transposeB: false }, out: { shape: [2, 4], dtype: 'float32' },
  }),
  conv2d: (be) => ({
    inputs: [tensor(be, f(sz(xShape(conv))), xShape(conv)), tensor(be, f(3 * 2 * 3 * 4), [3, 2, 3, 4])], attrs: { conv }, out: { shape: yShape(conv), dtype: 'float32' },
  }),
  conv2dBackpropInput: (be) => ({
    inputs: [tensor(be, f(sz(yShape(conv))), yShape(conv)), tensor(be, f(3 * 2 * 3 * 4), [3, 2, 3, 4])], attrs: { conv }, out: { shape: xShape(conv), dtype: 'float32' },
  }),
  conv2dBackpropFilter: (be) => ({
    inputs: [tensor(be, f(sz(xShape(conv))), xShape(conv)), tensor(be, f(sz(yShape(conv))), yShape(conv))], attrs: { conv }, out: { shape: [3, 2, 3, 4], dtype: 'float32' },
  }),
  depthwiseConv2d: (be) => ({
    inputs: [tensor(be, f(sz(xShape(dw))), xShape(dw)), tensor(be, f(16), [2, 2, 2, 2])], attrs: { conv: dw }, out: { shape: yShape(dw), dtype: 'float32' },
  }),
  depthwiseConv2dBackpropInput: (be) => ({
    inputs: [tensor(be, f(sz(yShape(dw))), yShape(dw)), tensor(be, f(16), [2, 2, 2, 2])], attrs: { conv: dw }, out: { shape: xShape(dw), dtype: 'float32' },
  }),
  depthwiseConv2dBackpropFilter: (be) => ({
    inputs: [tensor(be, f(sz(xShape(dw))), xShape(dw)), tensor(be, f(sz(yShape(dw))), yShape(dw))], attrs: { conv: dw }, out: { shape: [2, 2, 2, 2], dtype: 'float32' },
  }),
  maxPool: (be) => ({ inputs: [tensor(be, f(sz(xShape(pool))), xShape(pool))], attrs: { conv: pool }, out: { shape: yShape(pool), dtype: 'float32' } }),
  maxPoolGrad: (be) => ({
    inputs: [tensor(be, f(sz(yShape(pool))), yShape(pool)), tensor(be, f(sz(xShape(pool))), xShape(pool)), tensor(be, f(sz(yShape(pool))), yShape(pool))],
    attrs: { conv: pool }, out: { shape: xShape(pool), dtype: 'float32' },
  }),
  avgPool: (be) => ({ inputs: [tensor(be, f(sz(xShape(pool))), xShape(pool))], attrs: { conv: pool }, out: { shape: yShape(pool), dtype: 'float32' } }),
  avgPoolGrad: (be) => ({
    inputs: [tensor(be, f(sz(yShape(pool))), yShape(pool)), tensor(be, f(sz(xShape(pool))), xShape(pool))], attrs: { conv: pool }, out: { shape: xShape(pool), dtype: 'float32' },
  }),
};
