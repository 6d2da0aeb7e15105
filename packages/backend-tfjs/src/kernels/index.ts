import * as tf from '@tensorflow/tfjs-core';
import type { FusedKernels, KernelImpls } from '@lamina/api';
import type { EngineSpec } from '../engines';
import type { Run } from '../tfjs-backend';
import {
  conv2d, conv2dBackpropFilter, conv2dBackpropInput, depthwiseConv2d,
  depthwiseConv2dBackpropFilter, depthwiseConv2dBackpropInput,
} from './conv';
import { binary, cast, unary, where } from './elementwise';
import { matMul, matMulBiasAct } from './matmul';
import { concat, gather, pad, reverse, stridedSlice, unsortedSegmentSum } from './movement';
import { avgPool, avgPoolGrad, maxPool, maxPoolGrad } from './pool';
import { argReduce, reduce } from './reduce';

/**
 * Moves bool data as int32 (the result is cast back by `run`): the wasm engine's PadV2 and
 * friends write 4-byte elements into 1-byte bool buffers and corrupt its heap.
 */
function boolAsInt(body: (xs: tf.Tensor[]) => tf.Tensor): (xs: tf.Tensor[]) => tf.Tensor {
  return (xs) => body(xs.map((x) => (x.dtype === 'bool' ? tf.cast(x, 'int32') : x)));
}

/** The Backend kernel table: each entry runs its tfjs body through `run` (tidy, dtype/shape check, handle). */
export function makeKernels(run: Run, _engine: EngineSpec): KernelImpls {
  return {
    unary: (i, { op }, out) => run(i, out, `unary(${op})`, ([x]) => unary(x!, op)),
    binary: (i, { op }, out) => run(i, out, `binary(${op})`, ([a, b]) => binary(a!, b!, op, out.dtype)),
    cast: (i, { dtype }, out) => run(i, out, 'cast', ([x]) => cast(x!, dtype)),
    where: (i, _a, out) => run(i, out, 'where', ([c, a, b]) => where(c!, a!, b!, out.dtype)),
    reduce: (i, { op, axes }, out) => run(i, out, `reduce(${op})`, ([x]) => reduce(x!, op, axes)),
    argMax: (i, { axis }, out) => run(i, out, 'argMax', ([x]) => argReduce(x!, axis, 'max')),
    argMin: (i, { axis }, out) => run(i, out, 'argMin', ([x]) => argReduce(x!, axis, 'min')),
    reshape: (i, { shape }, out) => run(i, out, 'reshape', ([x]) => tf.reshape(x!, [...shape])),
    transpose: (i, { perm }, out) => run(i, out, 'transpose', boolAsInt(([x]) => tf.transpose(x!, perm))),
    slice: (i, { begin, size }, out) => run(i, out, 'slice', boolAsInt(([x]) => tf.slice(x!, begin, size))),
    stridedSlice: (i, { begin, strides }, out) =>
      run(i, out, 'stridedSlice', boolAsInt(([x]) => stridedSlice(x!, begin, strides, out.shape))),
    concat: (i, { axis }, out) => run(i, out, 'concat', boolAsInt((xs) => concat(xs, axis))),
    pad: (i, { paddings, value }, out) => run(i, out, 'pad', boolAsInt(([x]) => pad(x!, paddings, value))),
    tile: (i, { reps }, out) => run(i, out, 'tile', boolAsInt(([x]) => tf.tile(x!, reps))),
    reverse: (i, { axes }, out) => run(i, out, 'reverse', boolAsInt(([x]) => reverse(x!, axes))),
    gather: (i, { axis }, out) => run(i, out, 'gather', boolAsInt(([x, idx]) => gather(x!, idx!, axis))),
    unsortedSegmentSum: (i, { numSegments }, out) =>
      run(i, out, 'unsortedSegmentSum', ([x, idx]) => unsortedSegmentSum(x!, idx!, numSegments, out.shape)),
    matMul: (i, { transposeA, transposeB }, out) => run(i, out, 'matMul', ([a, b]) => matMul(a!, b!, transposeA, transposeB)),
    conv2d: (i, { conv }, out) => run(i, out, 'conv2d', ([x, w]) => conv2d(x!, w!, conv)),
    conv2dBackpropInput: (i, { conv }, out) => run(i, out, 'conv2dBackpropInput', ([dy, w]) => conv2dBackpropInput(dy!, w!, conv)),
    conv2dBackpropFilter: (i, { conv }, out) => run(i, out, 'conv2dBackpropFilter', ([x, dy]) => conv2dBackpropFilter(x!, dy!, conv)),
    depthwiseConv2d: (i, { conv }, out) => run(i, out, 'depthwiseConv2d', ([x, w]) => depthwiseConv2d(x!, w!, conv)),
    depthwiseConv2dBackpropInput: (i, { conv }, out) =>
      run(i, out, 'depthwiseConv2dBackpropInput', ([dy, w]) => depthwiseConv2dBackpropInput(dy!, w!, conv)),
    depthwiseConv2dBackpropFilter: (i, { conv }, out) =>
      run(i, out, 'depthwiseConv2dBackpropFilter', ([x, dy]) => depthwiseConv2dBackpropFilter(x!, dy!, conv)),
    maxPool: (i, { conv }, out) => run(i, out, 'maxPool', ([x]) => maxPool(x!, conv)),
    maxPoolGrad: (i, { conv }, out) => run(i, out, 'maxPoolGrad', ([dy, x, y]) => maxPoolGrad(dy!, x!, y!, conv)),
    avgPool: (i, { conv }, out) => run(i, out, 'avgPool', ([x]) => avgPool(x!, conv)),
    avgPoolGrad: (i, { conv }, out) => run(i, out, 'avgPoolGrad', ([dy, x]) => avgPoolGrad(dy!, x!, conv)),
  };
}

export function makeFused(run: Run): Partial<FusedKernels> {
  return {
    matMulBiasAct: (a, b, bias, act, out) =>
      run(bias ? [a, b, bias] : [a, b], out, 'matMulBiasAct', ([ta, tb, tbias]) => matMulBiasAct(ta!, tb!, tbias ?? null, act)),
  };
}
