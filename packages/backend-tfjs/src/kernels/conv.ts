import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@lamina/api';
import {
  afterPadding, dilateFilter, padInput, padMode, paddedShape, undilateFilter, unpad, withoutDilation,
} from './padding';

/**
 * 2-D and depthwise convolutions and their input/filter gradients on tfjs's own kernels
 * (Conv2DBackpropInput/Filter, DepthwiseConv2dNativeBackpropInput/Filter). Where an engine
 * lacks one (wasm has no filter gradients), an equivalent composition of kernels it has is used.
 */

type T = tf.Tensor;
type T4 = tf.Tensor4D;

const strides = (c: Conv2DInfo): [number, number] => [c.strideHeight, c.strideWidth];
const dilations = (c: Conv2DInfo): [number, number] => [c.dilationHeight, c.dilationWidth];
const hasKernel = (name: string): boolean => tf.getKernel(name, tf.getBackend()) !== undefined;

function runKernel(name: string, inputs: Record<string, T>, attrs: Record<string, unknown>): T {
  return tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as T;
}

/** Resolves the api's padding: 'valid'/'same' when equivalent, else the input padded by hand. */
function prepare(x: T, c: Conv2DInfo, value = 0): { x: T4; c: Conv2DInfo; pad: 'valid' | 'same' } {
  const mode = padMode(c);
  if (mode !== 'explicit') return { x: x as T4, c, pad: mode };
  return { x: padInput(x, c, value) as T4, c: afterPadding(c), pad: 'valid' };
}

export function conv2d(x: T, w: T, c: Conv2DInfo): T {
  const p = prepare(x, c);
  return tf.conv2d(p.x, w as T4, strides(c), p.pad, 'NHWC', dilations(c));
}

export function depthwiseConv2d(x: T, w: T, c: Conv2DInfo): T {
  const p = prepare(x, c);
  return tf.depthwiseConv2d(p.x, w as T4, strides(c), p.pad, 'NHWC', dilations(c));
}

/** dx of a convolution: tfjs's backprop kernels have no dilation, so the filter carries it. */
function backpropInput(kernel: string, dy: T, w: T, c: Conv2DInfo, extra: Record<string, unknown>): T {
  const c1 = withoutDilation(c);
  const w1 = dilateFilter(w, c.dilationHeight, c.dilationWidth);
  const mode = padMode(c1);
  const inputShape = mode === 'explicit' ? paddedShape(c1) : [c.batch, c.inHeight, c.inWidth, c.inChannels];
  const dx = runKernel(kernel, { dy, filter: w1 }, {
    strides: strides(c), pad: mode === 'explicit' ? 'valid' : mode, dataFormat: 'NHWC', inputShape, ...extra,
  });
  return mode === 'explicit' ? unpad(dx, c1) : dx;
}

export function conv2dBackpropInput(dy: T, w: T, c: Conv2DInfo): T {
  return backpropInput('Conv2DBackpropInput', dy, w, c, {});
}

/** dW of a convolution, for the dilation-free geometry `c1` (filter extent already dilated). */
function conv2dFilterGrad(x: T, dy: T, c1: Conv2DInfo): T {
  const filterShape = [c1.filterHeight, c1.filterWidth, c1.inChannels, dy.shape[3]!];
  if (hasKernel('Conv2DBackpropFilter')) {
    const p = prepare(x, c1);
    return runKernel('Conv2DBackpropFilter', { x: p.x, dy }, { strides: strides(c1), pad: p.pad, dataFormat: 'NHWC', filterShape });
  }
  // dW[i, j, ci, co] = sum over batch and output pixels of x[b, oy*s + i, ox*s + j, ci] * dy[b, oy, ox, co]:
  // a convolution of x (batch as channels) with dy as the filter, dilated by the stride.
  const xp = padInput(x, c1);
  const xT = tf.transpose(xp, [3, 1, 2, 0]) as T4; // [ci, H, W, batch]
  const dyT = tf.transpose(dy, [1, 2, 0, 3]) as T4; // [oh, ow, batch, co]
  const full = tf.conv2d(xT, dyT, 1, 'valid', 'NHWC', strides(c1)); // [ci, >=kh, >=kw, co]
  const cut = tf.slice(full, [0, 0, 0, 0], [c1.inChannels, c1.filterHeight, c1.filterWidth, filterShape[3]!]);
  return tf.transpose(cut, [1, 2, 0, 3]);
}

export function conv2dBackpropFilter(x: T, dy: T, c: Conv2DInfo): T {
  return undilateFilter(conv2dFilterGrad(x, dy, withoutDilation(c)), c.dilationHeight, c.dilationWidth);
}

/** The depthwise filter [kh, kw, C, M] as the block-diagonal full filter [kh, kw, C, C*M]. */
function blockDiagonal(w: T): T {
  const [kh, kw, ch, m] = w.shape as [number, number, number, number];
  const eye = tf.reshape(tf.eye(ch), [1, 1, ch, ch, 1]);
  return tf.reshape(tf.mul(tf.reshape(w, [kh, kw, ch, 1, m]), eye), [kh, kw, ch, ch * m]);
}

export function depthwiseConv2dBackpropInput(dy: T, w: T, c: Conv2DInfo): T {
  if (hasKernel('DepthwiseConv2dNativeBackpropInput')) {
    return backpropInput('DepthwiseConv2dNativeBackpropInput', dy, w, c, { dilations: [1, 1] });
  }
  return backpropInput('Conv2DBackpropInput', dy, blockDiagonal(w), c, {});
}

export function depthwiseConv2dBackpropFilter(x: T, dy: T, c: Conv2DInfo): T {
  const c1 = withoutDilation(c);
  const ch = c.inChannels;
  const m = c.channelMultiplier;
  let g: T;
  if (hasKernel('DepthwiseConv2dNativeBackpropFilter')) {
    const p = prepare(x, c1);
    g = runKernel('DepthwiseConv2dNativeBackpropFilter', { x: p.x, dy }, {
      strides: strides(c1), dilations: [1, 1], pad: p.pad, filterShape: [c1.filterHeight, c1.filterWidth, ch, m],
    });
  } else {
    // The full filter gradient, keeping only its block diagonal (input channel c feeds outputs c*M..c*M+M-1).
    const full = tf.reshape(conv2dFilterGrad(x, dy, c1), [c1.filterHeight, c1.filterWidth, ch, ch, m]);
    g = tf.sum(tf.mul(full, tf.reshape(tf.eye(ch), [1, 1, ch, ch, 1])), 3);
  }
  return undilateFilter(g, c.dilationHeight, c.dilationWidth);
}
