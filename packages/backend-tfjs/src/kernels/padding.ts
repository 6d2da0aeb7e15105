import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@lamina/api';

/**
 * Padding of convolutions and pools. The api resolves padding to explicit per-side amounts;
 * tfjs engines (tfjs-node's pools in particular) only take 'valid'/'same' everywhere, so we
 * name the equivalent mode when there is one, else pad the input ourselves and run 'valid'.
 */

export type PadMode = 'valid' | 'same' | 'explicit';

const effective = (k: number, d: number): number => (k - 1) * d + 1;

/** tfjs's 'same' rule for one axis: out = ceil(in / s), the pad split with the extra at the end. */
function sameAxis(inSize: number, k: number, s: number): { out: number; before: number; after: number } {
  const out = Math.ceil(inSize / s);
  const total = Math.max(0, (out - 1) * s + k - inSize);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

/** The tfjs padding mode equal to the api's resolved padding (filter extent with dilation). */
export function padMode(c: Conv2DInfo, dilated = true): PadMode {
  const { top, bottom, left, right } = c.pad;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return 'valid';
  const kh = dilated ? effective(c.filterHeight, c.dilationHeight) : c.filterHeight;
  const kw = dilated ? effective(c.filterWidth, c.dilationWidth) : c.filterWidth;
  const h = sameAxis(c.inHeight, kh, c.strideHeight);
  const w = sameAxis(c.inWidth, kw, c.strideWidth);
  const same = h.out === c.outHeight && w.out === c.outWidth &&
    h.before === top && h.after === bottom && w.before === left && w.after === right;
  return same ? 'same' : 'explicit';
}

export const padSpec = (c: Conv2DInfo): Array<[number, number]> =>
  [[0, 0], [c.pad.top, c.pad.bottom], [c.pad.left, c.pad.right], [0, 0]];

/** The input padded on the api's sides with `value` (0 for sums, -inf for max). */
export function padInput(x: tf.Tensor, c: Conv2DInfo, value = 0): tf.Tensor {
  return tf.pad(x, padSpec(c), value);
}

/** Shape of the explicitly padded input. */
export const paddedShape = (c: Conv2DInfo): [number, number, number, number] =>
  [c.batch, c.inHeight + c.pad.top + c.pad.bottom, c.inWidth + c.pad.left + c.pad.right, c.inChannels];

/** Cuts the api's padding back off a gradient computed for the padded input. */
export function unpad(dxPadded: tf.Tensor, c: Conv2DInfo): tf.Tensor {
  return tf.slice(dxPadded, [0, c.pad.top, c.pad.left, 0], [c.batch, c.inHeight, c.inWidth, c.inChannels]);
}

/**
 * The filter with (dilation - 1) zeros between taps: a dilated convolution is a plain one with
 * this filter. tfjs's backprop kernels take no dilation, so dilated gradients go through it.
 */
export function dilateFilter(w: tf.Tensor, dh: number, dw: number): tf.Tensor {
  if (dh === 1 && dw === 1) return w;
  const [kh, kw, a, b] = w.shape as [number, number, number, number];
  const spread = tf.pad(tf.reshape(w, [kh, 1, kw, 1, a, b]), [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
  return tf.slice(tf.reshape(spread, [kh * dh, kw * dw, a, b]), [0, 0, 0, 0], [effective(kh, dh), effective(kw, dw), a, b]);
}

/** The taps of a gradient taken for the dilated filter (every dilation-th row and column). */
export function undilateFilter(g: tf.Tensor, dh: number, dw: number): tf.Tensor {
  if (dh === 1 && dw === 1) return g;
  return tf.stridedSlice(g, [0, 0, 0, 0], g.shape, [dh, dw, 1, 1]);
}

/** The geometry of the same convolution with the dilation folded into the filter. */
export function withoutDilation(c: Conv2DInfo): Conv2DInfo {
  return {
    ...c,
    filterHeight: effective(c.filterHeight, c.dilationHeight),
    filterWidth: effective(c.filterWidth, c.dilationWidth),
    dilationHeight: 1, dilationWidth: 1,
  };
}

/** The geometry after padding the input explicitly: same output, no padding left. */
export function afterPadding(c: Conv2DInfo): Conv2DInfo {
  const [, inHeight, inWidth] = paddedShape(c);
  return { ...c, inHeight, inWidth, pad: { top: 0, bottom: 0, left: 0, right: 0 } };
}
