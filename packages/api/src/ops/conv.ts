import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/create';
import { fmtShape, type PaddingSpec } from '../util/shape';
import { asTensor, cast } from './convert';
import { conv2dInfo, convInShape, convOutShape, pair, type Pair } from './conv-info';
import { dispatch } from './dispatch';
import { expandDims, squeeze } from './movement';

function asImageBatch(x: TensorLike, op: string): { t: Tensor; batched: boolean } {
  const t = cast(asTensor(x), 'float32');
  if (t.rank === 3) return { t: expandDims(t, 0), batched: false };
  if (t.rank !== 4) throw new Error(`${op}: input must be rank 4 [batch, height, width, channels] (or 3 for one image), got ${fmtShape(t.shape)}.`);
  return { t, batched: true };
}

function checkFilter(f: Tensor, op: string, layout: string): void {
  if (f.rank !== 4) throw new Error(`${op}: filter must be rank 4 ${layout}, got ${fmtShape(f.shape)}.`);
}

/** 2-D convolution, NHWC, filter [fh, fw, inChannels, outChannels]. */
export function conv2d(
  x: TensorLike, filter: TensorLike, strides: Pair = 1, pad: PaddingSpec = 'valid',
  dataFormat: 'NHWC' = 'NHWC', dilations: Pair = 1,
): Tensor {
  if (dataFormat !== 'NHWC') throw new Error(`conv2d: only channels-last (NHWC) is supported, got ${dataFormat}.`);
  return tidy(() => {
    const { t, batched } = asImageBatch(x, 'conv2d');
    const f = cast(asTensor(filter), 'float32');
    checkFilter(f, 'conv2d', '[filterHeight, filterWidth, inChannels, outChannels]');
    const conv = conv2dInfo('conv2d', t.shape, [f.shape[0]!, f.shape[1]!], f.shape[2]!, f.shape[3]!, strides, pad, dilations);
    const y = dispatch('conv2d', [t, f], { conv }, { shape: convOutShape(conv), dtype: 'float32' });
    return batched ? y : squeeze(y, 0);
  });
}

/** 1-D convolution: x [batch, width, channels], filter [width, in, out]. Supports 'causal'. */
export function conv1d(
  x: TensorLike, filter: TensorLike, stride = 1, pad: PaddingSpec = 'valid', dataFormat: 'NWC' = 'NWC', dilation = 1,
): Tensor {
  if (dataFormat !== 'NWC') throw new Error(`conv1d: only channels-last (NWC) is supported, got ${dataFormat}.`);
  return tidy(() => {
    let t = cast(asTensor(x), 'float32');
    const batched = t.rank === 3;
    if (t.rank === 2) t = expandDims(t, 0);
    if (t.rank !== 3) throw new Error(`conv1d: input must be rank 3 [batch, width, channels], got ${fmtShape(t.shape)}.`);
    const f = cast(asTensor(filter), 'float32');
    if (f.rank !== 3) throw new Error(`conv1d: filter must be rank 3 [width, inChannels, outChannels], got ${fmtShape(f.shape)}.`);
    const padding: PaddingSpec = typeof pad === 'number' ? [[0, 0], [pad, pad]] : pad;
    const y = conv2d(expandDims(t, 1), expandDims(f, 0), [1, stride], padding, 'NHWC', [1, dilation]);
    const out = squeeze(y, 1);
    return batched ? out : squeeze(out, 0);
  });
}

/** Transposed convolution: x [b, h, w, inC], filter [fh, fw, outC, inC], outputShape [b, H, W, outC]. */
export function conv2dTranspose(
  x: TensorLike, filter: TensorLike, outputShape: readonly number[], strides: Pair = 1, pad: PaddingSpec = 'valid',
): Tensor {
  return tidy(() => {
    const { t, batched } = asImageBatch(x, 'conv2dTranspose');
    const f = cast(asTensor(filter), 'float32');
    checkFilter(f, 'conv2dTranspose', '[filterHeight, filterWidth, outChannels, inChannels]');
    const full = outputShape.length === 3 ? [1, ...outputShape] : [...outputShape];
    const conv = conv2dInfo('conv2dTranspose', full, [f.shape[0]!, f.shape[1]!], f.shape[2]!, f.shape[3]!, strides, pad, 1);
    const expected = convOutShape(conv);
    if (expected[1] !== t.shape[1] || expected[2] !== t.shape[2] || expected[3] !== t.shape[3]) {
      throw new Error(
        `conv2dTranspose: input ${fmtShape(t.shape)} does not match outputShape ${fmtShape(outputShape)}: ` +
          `a forward convolution of that output would give ${fmtShape(expected)}.`,
      );
    }
    const y = dispatch('conv2dBackpropInput', [t, f], { conv }, { shape: convInShape(conv), dtype: 'float32' });
    return batched ? y : squeeze(y, 0);
  });
}

/** Depthwise convolution: filter [fh, fw, inChannels, multiplier]; out channels inC*multiplier. */
export function depthwiseConv2d(
  x: TensorLike, filter: TensorLike, strides: Pair = 1, pad: PaddingSpec = 'valid',
  dataFormat: 'NHWC' = 'NHWC', dilations: Pair = 1,
): Tensor {
  if (dataFormat !== 'NHWC') throw new Error(`depthwiseConv2d: only channels-last (NHWC) is supported, got ${dataFormat}.`);
  return tidy(() => {
    const { t, batched } = asImageBatch(x, 'depthwiseConv2d');
    const f = cast(asTensor(filter), 'float32');
    checkFilter(f, 'depthwiseConv2d', '[filterHeight, filterWidth, inChannels, channelMultiplier]');
    const mult = f.shape[3]!;
    const conv = conv2dInfo('depthwiseConv2d', t.shape, [f.shape[0]!, f.shape[1]!], f.shape[2]!, f.shape[2]! * mult, strides, pad, dilations, mult);
    const y = dispatch('depthwiseConv2d', [t, f], { conv }, { shape: convOutShape(conv), dtype: 'float32' });
    return batched ? y : squeeze(y, 0);
  });
}

/** Depthwise then 1x1 pointwise convolution. */
export function separableConv2d(
  x: TensorLike, depthwiseFilter: TensorLike, pointwiseFilter: TensorLike, strides: Pair = 1,
  pad: PaddingSpec = 'valid', dilation: Pair = 1, dataFormat: 'NHWC' = 'NHWC',
): Tensor {
  return tidy(() => {
    const d = depthwiseConv2d(x, depthwiseFilter, strides, pad, dataFormat, dilation);
    return conv2d(d, pointwiseFilter, 1, 'valid', dataFormat, 1);
  });
}

function pool(kind: 'maxPool' | 'avgPool', x: TensorLike, filterSize: Pair, strides: Pair, pad: PaddingSpec): Tensor {
  return tidy(() => {
    const { t, batched } = asImageBatch(x, kind);
    const conv = conv2dInfo(kind, t.shape, pair(filterSize), null, t.shape[3]!, strides, pad, 1);
    const y = dispatch(kind, [t], { conv }, { shape: convOutShape(conv), dtype: 'float32' });
    return batched ? y : squeeze(y, 0);
  });
}

export const maxPool = (x: TensorLike, filterSize: Pair, strides: Pair = filterSize, pad: PaddingSpec = 'valid'): Tensor =>
  pool('maxPool', x, filterSize, strides, pad);
export const avgPool = (x: TensorLike, filterSize: Pair, strides: Pair = filterSize, pad: PaddingSpec = 'valid'): Tensor =>
  pool('avgPool', x, filterSize, strides, pad);

