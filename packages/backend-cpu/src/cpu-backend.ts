import type {
  Backend, DataArray, DataId, DType, FusedKernels, KernelImpls, OutInfo, TensorInfo,
} from '@lamina/api';
import { binary, where } from './kernels/binary';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './kernels/conv2d';
import { depthwiseConv2d, depthwiseConv2dBackpropFilter, depthwiseConv2dBackpropInput } from './kernels/depthwise';
import { matMulBiasAct } from './kernels/fused';
import { matMul } from './kernels/matmul';
import {
  concat, gather, pad, reverse, slice, stridedSlice, tile, transpose, unsortedSegmentSum,
} from './kernels/movement';
import { avgPool, avgPoolGrad, maxPool, maxPoolGrad } from './kernels/pool';
import { argReduce, reduce } from './kernels/reduce';
import { cast, unary } from './kernels/unary';
import { alloc, shapeStr, sizeOf } from './kernels/util';

/**
 * A handle: one typed array of the dtype. Data is immutable once written, so reshape can
 * share the array between handles; `values` is dropped on dispose so a stale handle fails loudly.
 */
class CpuData {
  constructor(public values: DataArray | null, readonly owner: CpuBackend) {}
}

function isStoredAs(values: DataArray, dtype: DType): boolean {
  return dtype === 'float32' ? values instanceof Float32Array : dtype === 'int32' ? values instanceof Int32Array : values instanceof Uint8Array;
}

function convert(values: DataArray, dtype: DType): DataArray {
  const out = alloc(dtype, values.length);
  if (dtype === 'bool') for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
  else out.set(values);
  return out;
}

/** The reference backend: typed arrays in, typed arrays out, zero runtime dependencies. */
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  private live = 0;
  readonly kernels: KernelImpls;
  readonly fused: Partial<FusedKernels>;

  constructor() {
    const d = (t: TensorInfo): DataArray => this.data(t);
    const put = (values: DataArray, out: OutInfo, kernel: string): DataId => this.adopt(values, out, kernel);
    this.kernels = {
      unary: ([x], { op }, out) => put(unary(d(x), op, out.dtype), out, `unary(${op})`),
      binary: ([a, b], { op }, out) => put(binary(d(a), a.shape, d(b), b.shape, op, out.shape, out.dtype), out, `binary(${op})`),
      cast: ([x], { dtype }, out) => put(cast(d(x), dtype), out, 'cast'),
      where: ([c, a, b], _attrs, out) => put(where(d(c), c.shape, d(a), a.shape, d(b), b.shape, out.shape, out.dtype), out, 'where'),
      reduce: ([x], { op, axes }, out) => put(reduce(d(x), x.shape, op, axes, out.dtype), out, `reduce(${op})`),
      argMax: ([x], { axis }, out) => put(argReduce(d(x), x.shape, axis, 'max'), out, 'argMax'),
      argMin: ([x], { axis }, out) => put(argReduce(d(x), x.shape, axis, 'min'), out, 'argMin'),
      reshape: ([x], _attrs, out) => {
        const values = d(x);
        if (x.dtype !== out.dtype) throw new Error(`reshape: cannot change dtype ${x.dtype} to ${out.dtype}; cast first`);
        return put(values, out, 'reshape'); // shares the immutable array
      },
      transpose: ([x], { perm }, out) => put(transpose(d(x), x.shape, perm, out.dtype), out, 'transpose'),
      slice: ([x], { begin, size }, out) => put(slice(d(x), x.shape, begin, size, out.dtype), out, 'slice'),
      stridedSlice: ([x], { begin, strides }, out) =>
        put(stridedSlice(d(x), x.shape, begin, strides, out.shape, out.dtype), out, 'stridedSlice'),
      concat: (xs, { axis }, out) =>
        put(concat(xs.map((t) => ({ data: d(t), shape: t.shape })), axis, out.shape, out.dtype), out, 'concat'),
      pad: ([x], { paddings, value }, out) => put(pad(d(x), x.shape, paddings, value, out.shape, out.dtype), out, 'pad'),
      tile: ([x], { reps }, out) => put(tile(d(x), x.shape, reps, out.dtype), out, 'tile'),
      reverse: ([x], { axes }, out) => put(reverse(d(x), x.shape, axes, out.dtype), out, 'reverse'),
      gather: ([x, indices], { axis }, out) => put(gather(d(x), x.shape, d(indices), axis, out.dtype), out, 'gather'),
      unsortedSegmentSum: ([x, indices], { numSegments }, out) =>
        put(unsortedSegmentSum(d(x), d(indices), numSegments, out.shape, out.dtype), out, 'unsortedSegmentSum'),
      matMul: ([a, b], { transposeA, transposeB }, out) =>
        put(matMul(d(a), a.shape, d(b), b.shape, transposeA, transposeB, out.shape, out.dtype), out, 'matMul'),
      conv2d: ([x, w], { conv }, out) => put(conv2d(d(x), d(w), conv), out, 'conv2d'),
      conv2dBackpropInput: ([dy, w], { conv }, out) => put(conv2dBackpropInput(d(dy), d(w), conv), out, 'conv2dBackpropInput'),
      conv2dBackpropFilter: ([x, dy], { conv }, out) => put(conv2dBackpropFilter(d(x), d(dy), conv), out, 'conv2dBackpropFilter'),
      depthwiseConv2d: ([x, w], { conv }, out) => put(depthwiseConv2d(d(x), d(w), conv), out, 'depthwiseConv2d'),
      depthwiseConv2dBackpropInput: ([dy, w], { conv }, out) =>
        put(depthwiseConv2dBackpropInput(d(dy), d(w), conv), out, 'depthwiseConv2dBackpropInput'),
      depthwiseConv2dBackpropFilter: ([x, dy], { conv }, out) =>
        put(depthwiseConv2dBackpropFilter(d(x), d(dy), conv), out, 'depthwiseConv2dBackpropFilter'),
      maxPool: ([x], { conv }, out) => put(maxPool(d(x), conv), out, 'maxPool'),
      // y is not needed: the argmax is recomputed from x with the same rule maxPool used.
      maxPoolGrad: ([dy, x], { conv }, out) => put(maxPoolGrad(d(dy), d(x), conv), out, 'maxPoolGrad'),
      avgPool: ([x], { conv }, out) => put(avgPool(d(x), conv), out, 'avgPool'),
      avgPoolGrad: ([dy], { conv }, out) => put(avgPoolGrad(d(dy), conv), out, 'avgPoolGrad'),
    };
    this.fused = {
      matMulBiasAct: (a, b, bias, act, out) =>
        put(matMulBiasAct(d(a), a.shape, d(b), b.shape, bias ? d(bias) : null, act), out, 'matMulBiasAct'),
    };
  }

  write(values: DataArray, shape: readonly number[], dtype: DType): DataId {
    const n = sizeOf(shape);
    if (values.length !== n) {
      throw new Error(`write: ${values.length} values do not fill shape ${shapeStr(shape)} (${n} elements)`);
    }
    return this.handle(convert(values, dtype));
  }

  /** A copy: what an async read hands out may end up mutated by user code. */
  read(t: TensorInfo): Promise<DataArray> {
    return Promise.resolve(this.readSync(t).slice());
  }

  readSync(t: TensorInfo): DataArray {
    return this.data(t);
  }

  dispose(dataId: DataId): void {
    const h = this.own(dataId, 'dispose');
    if (h.values === null) {
      throw new Error('dispose: this handle was already disposed. Each handle is disposed exactly once; a second dispose is a bug in the caller.');
    }
    h.values = null;
    this.live--;
  }

  numHandles(): number {
    return this.live;
  }

  /** The stored array of a live handle (never mutated once stored). */
  data(t: TensorInfo): DataArray {
    const h = this.own(t.dataId, 'read');
    if (h.values === null) {
      throw new Error(`read: the data of this ${t.dtype} tensor of shape ${shapeStr(t.shape)} was already disposed`);
    }
    return h.values;
  }

  private own(dataId: DataId, what: string): CpuData {
    if (!(dataId instanceof CpuData) || dataId.owner !== this) {
      throw new Error(`${what}: this handle does not belong to this cpu backend (was it created by another backend instance?)`);
    }
    return dataId;
  }

  private handle(values: DataArray): CpuData {
    this.live++;
    return new CpuData(values, this);
  }

  /** Wraps a kernel result, checking it against the output the api decided. */
  private adopt(values: DataArray, out: OutInfo, kernel: string): DataId {
    const n = sizeOf(out.shape);
    if (values.length !== n) {
      throw new Error(`${kernel}: produced ${values.length} elements, but the output shape ${shapeStr(out.shape)} has ${n}`);
    }
    return this.handle(isStoredAs(values, out.dtype) ? values : convert(values, out.dtype));
  }
}

export function createCpuBackend(): CpuBackend {
  return new CpuBackend();
}
