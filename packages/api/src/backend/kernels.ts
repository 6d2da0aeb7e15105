import type { DataId, DType, OutInfo, Shape, TensorInfo } from './types';

/**
 * The Backend contract: every primitive kernel with its inputs and attributes.
 * The api computes output shapes and dtypes (see ops/shape-rules.ts) and passes them as
 * `out`; a kernel only fills the data. Every kernel here has exactly one gradient rule in
 * autodiff/gradients.ts (a kernel without one is a compile error).
 */

/** Elementwise kernels of one input; output shape = input shape. */
export const UNARY_OPS = [
  'neg', 'abs', 'sign', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'rsqrt', 'square', 'reciprocal',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
  'sigmoid', 'softplus', 'relu', 'relu6', 'elu', 'selu', 'erf',
  'floor', 'ceil', 'round', 'isNaN', 'isInf', 'isFinite', 'logicalNot',
] as const;
export type UnaryOp = (typeof UNARY_OPS)[number];

/** Elementwise kernels of two inputs with NumPy broadcasting; output shape = broadcast shape. */
export const BINARY_OPS = [
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'mod', 'floorDiv', 'atan2',
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
  'logicalAnd', 'logicalOr', 'logicalXor',
] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

/** Reductions over `axes` (sorted, non-negative); the output drops those axes. */
export const REDUCE_OPS = ['sum', 'prod', 'max', 'min', 'any', 'all'] as const;
export type ReduceOp = (typeof REDUCE_OPS)[number];

/** Padding of a convolution or pool: per side, already resolved by the api. */
export interface Padding2D { top: number; bottom: number; left: number; right: number }

/** Geometry of a 2-D convolution or pool, resolved by the api (NHWC, filter [kh, kw, in, out]). */
export interface Conv2DInfo {
  batch: number;
  inHeight: number; inWidth: number; inChannels: number;
  outHeight: number; outWidth: number; outChannels: number;
  filterHeight: number; filterWidth: number;
  strideHeight: number; strideWidth: number;
  dilationHeight: number; dilationWidth: number;
  pad: Padding2D;
  /** Depthwise only: outChannels = inChannels * channelMultiplier. */
  channelMultiplier: number;
}

/** Inputs and attributes of each kernel. Inputs are positional. */
export interface KernelSpecs {
  unary: { inputs: [x: TensorInfo]; attrs: { op: UnaryOp } };
  binary: { inputs: [a: TensorInfo, b: TensorInfo]; attrs: { op: BinaryOp } };
  cast: { inputs: [x: TensorInfo]; attrs: { dtype: DType } };
  where: { inputs: [cond: TensorInfo, a: TensorInfo, b: TensorInfo]; attrs: Record<string, never> };
  reduce: { inputs: [x: TensorInfo]; attrs: { op: ReduceOp; axes: number[] } };
  argMax: { inputs: [x: TensorInfo]; attrs: { axis: number } };
  argMin: { inputs: [x: TensorInfo]; attrs: { axis: number } };
  /** Same data, new shape (may share storage; still a new handle that is disposed on its own). */
  reshape: { inputs: [x: TensorInfo]; attrs: { shape: Shape } };
  transpose: { inputs: [x: TensorInfo]; attrs: { perm: number[] } };
  slice: { inputs: [x: TensorInfo]; attrs: { begin: number[]; size: number[] } };
  /** Strided slice with positive or negative steps, resolved per axis by the api. */
  stridedSlice: { inputs: [x: TensorInfo]; attrs: { begin: number[]; strides: number[] } };
  concat: { inputs: TensorInfo[]; attrs: { axis: number } };
  pad: { inputs: [x: TensorInfo]; attrs: { paddings: Array<[number, number]>; value: number } };
  tile: { inputs: [x: TensorInfo]; attrs: { reps: number[] } };
  reverse: { inputs: [x: TensorInfo]; attrs: { axes: number[] } };
  /** Gathers along `axis`; indices int32, out shape = x[:axis] + indices.shape + x[axis+1:]. */
  gather: { inputs: [x: TensorInfo, indices: TensorInfo]; attrs: { axis: number } };
  /** out[indices[i], ...] += x[i, ...] over the leading axis of indices' rank; out[0] = numSegments. */
  unsortedSegmentSum: { inputs: [x: TensorInfo, indices: TensorInfo]; attrs: { numSegments: number } };
  /** Batched matmul; batch dims broadcast. a [..., m, k] (or [..., k, m] with transposeA). */
  matMul: { inputs: [a: TensorInfo, b: TensorInfo]; attrs: { transposeA: boolean; transposeB: boolean } };
  conv2d: { inputs: [x: TensorInfo, filter: TensorInfo]; attrs: { conv: Conv2DInfo } };
  conv2dBackpropInput: { inputs: [dy: TensorInfo, filter: TensorInfo]; attrs: { conv: Conv2DInfo } };
  conv2dBackpropFilter: { inputs: [x: TensorInfo, dy: TensorInfo]; attrs: { conv: Conv2DInfo } };
  depthwiseConv2d: { inputs: [x: TensorInfo, filter: TensorInfo]; attrs: { conv: Conv2DInfo } };
  depthwiseConv2dBackpropInput: { inputs: [dy: TensorInfo, filter: TensorInfo]; attrs: { conv: Conv2DInfo } };
  depthwiseConv2dBackpropFilter: { inputs: [x: TensorInfo, dy: TensorInfo]; attrs: { conv: Conv2DInfo } };
  /** Pools use Conv2DInfo with inChannels = outChannels and channelMultiplier 1. */
  maxPool: { inputs: [x: TensorInfo]; attrs: { conv: Conv2DInfo } };
  maxPoolGrad: { inputs: [dy: TensorInfo, x: TensorInfo, y: TensorInfo]; attrs: { conv: Conv2DInfo } };
  avgPool: { inputs: [x: TensorInfo]; attrs: { conv: Conv2DInfo } };
  avgPoolGrad: { inputs: [dy: TensorInfo, x: TensorInfo]; attrs: { conv: Conv2DInfo } };
}

export type KernelName = keyof KernelSpecs;
export type KernelInputs<K extends KernelName> = KernelSpecs[K]['inputs'];
export type KernelAttrs<K extends KernelName> = KernelSpecs[K]['attrs'];

/** A backend's implementation of one kernel: fill a new handle with the result. */
export type KernelImpl<K extends KernelName> = (
  inputs: KernelInputs<K>, attrs: KernelAttrs<K>, out: OutInfo,
) => DataId;

export type KernelImpls = { [K in KernelName]: KernelImpl<K> };

export type { DataId, DType, OutInfo, Shape, TensorInfo };
