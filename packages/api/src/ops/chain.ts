import type { DType, Shape } from '../backend/types';
import { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import type { PaddingSpec } from '../util/shape';
import * as act from './activations';
import { cast } from './convert';
import * as conv from './conv';
import * as ew from './elementwise';
import * as la from './linalg';
import * as mv from './movement';
import * as rd from './reduce';

/** Chainable methods: `x.add(y).relu().sum()` calls the same ops as the functions. */
type T = TensorLike;
type Ax = rd.Axis | undefined;

declare module '../tensor/tensor' {
  interface Tensor {
    add(b: T): Tensor; sub(b: T): Tensor; mul(b: T): Tensor; div(b: T): Tensor; pow(b: T): Tensor;
    maximum(b: T): Tensor; minimum(b: T): Tensor; mod(b: T): Tensor; floorDiv(b: T): Tensor; atan2(b: T): Tensor;
    squaredDifference(b: T): Tensor;
    equal(b: T): Tensor; notEqual(b: T): Tensor; less(b: T): Tensor; lessEqual(b: T): Tensor;
    greater(b: T): Tensor; greaterEqual(b: T): Tensor;
    logicalAnd(b: T): Tensor; logicalOr(b: T): Tensor; logicalXor(b: T): Tensor; logicalNot(): Tensor;
    neg(): Tensor; abs(): Tensor; sign(): Tensor; exp(): Tensor; expm1(): Tensor; log(): Tensor; log1p(): Tensor;
    sqrt(): Tensor; rsqrt(): Tensor; square(): Tensor; reciprocal(): Tensor; sin(): Tensor; cos(): Tensor; tan(): Tensor;
    asin(): Tensor; acos(): Tensor; atan(): Tensor; sinh(): Tensor; cosh(): Tensor; tanh(): Tensor;
    asinh(): Tensor; acosh(): Tensor; atanh(): Tensor; sigmoid(): Tensor; softplus(): Tensor; relu(): Tensor;
    relu6(): Tensor; elu(): Tensor; selu(): Tensor; erf(): Tensor; floor(): Tensor; ceil(): Tensor; round(): Tensor;
    isNaN(): Tensor; isInf(): Tensor; isFinite(): Tensor;
    leakyRelu(alpha?: number): Tensor; gelu(approximate?: boolean): Tensor; swish(beta?: number): Tensor;
    softmax(axis?: number): Tensor; logSoftmax(axis?: number): Tensor;
    clipByValue(lo: number, hi: number): Tensor;
    sum(axis?: Ax, keepDims?: boolean): Tensor; mean(axis?: Ax, keepDims?: boolean): Tensor;
    max(axis?: Ax, keepDims?: boolean): Tensor; min(axis?: Ax, keepDims?: boolean): Tensor;
    prod(axis?: Ax, keepDims?: boolean): Tensor; any(axis?: Ax, keepDims?: boolean): Tensor; all(axis?: Ax, keepDims?: boolean): Tensor;
    argMax(axis?: number): Tensor; argMin(axis?: number): Tensor; logSumExp(axis?: Ax, keepDims?: boolean): Tensor;
    norm(ord?: 'euclidean' | number, axis?: Ax, keepDims?: boolean): Tensor;
    reshape(shape: Shape): Tensor; flatten(): Tensor; transpose(perm?: number[]): Tensor;
    slice(begin: number | number[], size?: number | number[]): Tensor;
    expandDims(axis?: number): Tensor; squeeze(axis?: number | number[]): Tensor;
    gather(indices: T, axis?: number): Tensor; pad(paddings: Array<[number, number]>, value?: number): Tensor;
    tile(reps: number[]): Tensor; reverse(axis?: number | number[]): Tensor; broadcastTo(shape: number[]): Tensor;
    split(numOrSizeSplits: number | number[], axis?: number): Tensor[]; unstack(axis?: number): Tensor[];
    concat(others: T | T[], axis?: number): Tensor;
    cast(dtype: DType): Tensor; toFloat(): Tensor; toInt(): Tensor; toBool(): Tensor; clone(): Tensor;
    matMul(b: T, transposeA?: boolean, transposeB?: boolean): Tensor; dot(b: T): Tensor;
    conv2d(filter: T, strides?: number | [number, number], pad?: PaddingSpec): Tensor;
    maxPool(filterSize: number | [number, number], strides?: number | [number, number], pad?: PaddingSpec): Tensor;
    avgPool(filterSize: number | [number, number], strides?: number | [number, number], pad?: PaddingSpec): Tensor;
  }
}

type Fn = (this: Tensor, ...args: never[]) => unknown;
const P = Tensor.prototype as unknown as Record<string, Fn>;
const method = (name: string, fn: (x: Tensor, ...args: never[]) => unknown): void => {
  P[name] = function (this: Tensor, ...args: never[]) {
    return fn(this, ...args);
  };
};

const binaries = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'mod', 'floorDiv', 'atan2', 'squaredDifference',
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'logicalAnd', 'logicalOr', 'logicalXor'] as const;
const unaries = ['logicalNot', 'neg', 'abs', 'sign', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'rsqrt', 'square', 'reciprocal',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sigmoid', 'softplus',
  'relu', 'relu6', 'elu', 'selu', 'erf', 'floor', 'ceil', 'round', 'isNaN', 'isInf', 'isFinite'] as const;
for (const n of binaries) method(n, ew[n] as never);
for (const n of unaries) method(n, ew[n] as never);
for (const n of ['leakyRelu', 'gelu', 'swish', 'softmax', 'logSoftmax'] as const) method(n, act[n] as never);
method('clipByValue', ew.clipByValue as never);
for (const n of ['sum', 'mean', 'max', 'min', 'prod', 'any', 'all', 'argMax', 'argMin', 'logSumExp'] as const) method(n, rd[n] as never);
method('norm', rd.norm as never);
for (const n of ['reshape', 'transpose', 'slice', 'expandDims', 'squeeze', 'gather', 'pad', 'tile', 'reverse', 'broadcastTo', 'split', 'unstack', 'clone'] as const) {
  method(n, mv[n] as never);
}
method('flatten', ((x: Tensor) => mv.reshape(x, [-1])) as never);
method('concat', ((x: Tensor, others: T | T[], axis?: number) => mv.concat([x, ...(Array.isArray(others) ? others : [others])], axis)) as never);
method('cast', cast as never);
method('toFloat', ((x: Tensor) => cast(x, 'float32')) as never);
method('toInt', ((x: Tensor) => cast(x, 'int32')) as never);
method('toBool', ((x: Tensor) => cast(x, 'bool')) as never);
method('matMul', la.matMul as never);
method('dot', la.dot as never);
method('conv2d', conv.conv2d as never);
method('maxPool', conv.maxPool as never);
method('avgPool', conv.avgPool as never);
