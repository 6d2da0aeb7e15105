import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@lamina/api';
import { maxPoolGradByTaps } from './max-pool-grad';
import { padInput, padMode, paddedShape, unpad } from './padding';

/**
 * Max and average pools and their gradients (MaxPool, AvgPool, MaxPoolGrad, AvgPoolGrad).
 * Padding never counts: 'same' in tfjs already means that. Other explicit padding is done by
 * hand: -inf for max, and for the average a sum over the zero-padded input divided by the
 * number of in-bounds elements of each window.
 */

type T = tf.Tensor;
type T4 = tf.Tensor4D;

function check(kind: string, c: Conv2DInfo): void {
  if (c.dilationHeight !== 1 || c.dilationWidth !== 1) {
    throw new Error(`${kind}: tfjs pools take no dilation, got ${c.dilationHeight}x${c.dilationWidth}. Use dilation 1.`);
  }
}

const window = (c: Conv2DInfo): [number, number] => [c.filterHeight, c.filterWidth];
const strides = (c: Conv2DInfo): [number, number] => [c.strideHeight, c.strideWidth];

function runKernel(name: string, inputs: Record<string, T>, attrs: Record<string, unknown>): T {
  return tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as T;
}

/** In-bounds fraction of each window ([1, oh, ow, 1]): avg-pool of the zero-padded ones. */
function inBoundsFraction(c: Conv2DInfo): T {
  const ones = tf.ones([1, c.inHeight, c.inWidth, 1]);
  return tf.avgPool(padInput(ones, c) as T4, window(c), strides(c), 'valid');
}

export function maxPool(x: T, c: Conv2DInfo): T {
  check('maxPool', c);
  const mode = padMode(c);
  if (mode !== 'explicit') return tf.maxPool(x as T4, window(c), strides(c), mode);
  return tf.maxPool(padInput(x, c, -Infinity) as T4, window(c), strides(c), 'valid');
}

/**
 * Padding goes in as -inf by hand and the kernel runs 'valid'. The wasm engine's MaxPoolGrad
 * misroutes gradients (overlapping windows, -inf inputs), so wasm takes the composition.
 */
export function maxPoolGrad(dy: T, x: T, y: T, c: Conv2DInfo): T {
  check('maxPoolGrad', c);
  if (tf.getBackend() === 'wasm') return maxPoolGradByTaps(dy, x, y, c);
  const attrs = { filterSize: window(c), strides: strides(c), pad: 'valid' };
  if (padMode(c) === 'valid') return runKernel('MaxPoolGrad', { dy, input: x, output: y }, attrs);
  return unpad(runKernel('MaxPoolGrad', { dy, input: padInput(x, c, -Infinity), output: y }, attrs), c);
}

export function avgPool(x: T, c: Conv2DInfo): T {
  check('avgPool', c);
  const mode = padMode(c);
  if (mode !== 'explicit') return tf.avgPool(x as T4, window(c), strides(c), mode);
  const meanOverWindow = tf.avgPool(padInput(x, c) as T4, window(c), strides(c), 'valid');
  return tf.div(meanOverWindow, inBoundsFraction(c));
}

/**
 * tfjs's AvgPoolGrad with 'same' divides by the whole window even where the forward pass
 * averaged fewer elements, so padded cases scale dy by the in-bounds count first and run 'valid'
 * (which spreads dy / window size) on the padded input.
 */
export function avgPoolGrad(dy: T, x: T, c: Conv2DInfo): T {
  check('avgPoolGrad', c);
  const attrs = { filterSize: window(c), strides: strides(c), pad: 'valid' };
  if (padMode(c) === 'valid') return runKernel('AvgPoolGrad', { dy, input: x }, attrs);
  const scaled = tf.div(dy, inBoundsFraction(c));
  const shapeOnly = tf.zeros(paddedShape(c));
  return unpad(runKernel('AvgPoolGrad', { dy: scaled, input: shapeOnly }, attrs), c);
}
