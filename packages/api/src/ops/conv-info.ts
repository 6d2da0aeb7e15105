import type { Conv2DInfo } from '../backend/kernels';
import type { Shape } from '../backend/types';
import { convAxis, fmtShape, type PaddingSpec } from '../util/shape';

export type Pair = number | [number, number];
export const pair = (v: Pair): [number, number] => (typeof v === 'number' ? [v, v] : v);

/**
 * Resolve NHWC geometry for a convolution (filter [fh, fw, inC, outC] or depthwise
 * [fh, fw, inC, multiplier]) or a pool (filter = window, channels kept).
 */
export function conv2dInfo(
  op: string, xShape: Shape, filter: [number, number], inChannelsOfFilter: number | null, outChannels: number,
  strides: Pair, pad: PaddingSpec, dilations: Pair, channelMultiplier = 1,
): Conv2DInfo {
  if (xShape.length !== 4) throw new Error(`${op}: input must be rank 4 [batch, height, width, channels], got ${fmtShape(xShape)}.`);
  const [batch, inHeight, inWidth, inChannels] = xShape as [number, number, number, number];
  if (inChannelsOfFilter !== null && inChannelsOfFilter !== inChannels) {
    throw new Error(`${op}: input ${fmtShape(xShape)} has ${inChannels} channels but the filter expects ${inChannelsOfFilter}.`);
  }
  const [sh, sw] = pair(strides);
  const [dh, dw] = pair(dilations);
  if (sh < 1 || sw < 1 || dh < 1 || dw < 1) throw new Error(`${op}: strides and dilations must be >= 1, got strides ${strides}, dilations ${dilations}.`);
  if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) throw new Error(`${op}: strides > 1 with dilations > 1 is not supported (as in TensorFlow).`);
  const h = convAxis(inHeight, filter[0], sh, dh, pad, 0);
  const w = convAxis(inWidth, filter[1], sw, dw, pad, 1);
  if (h.out <= 0 || w.out <= 0) {
    throw new Error(`${op}: a ${filter[0]}x${filter[1]} window (dilation ${dh}x${dw}) does not fit input ${fmtShape(xShape)} with padding '${pad}'.`);
  }
  return {
    batch, inHeight, inWidth, inChannels,
    outHeight: h.out, outWidth: w.out, outChannels,
    filterHeight: filter[0], filterWidth: filter[1],
    strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw,
    pad: { top: h.before, bottom: h.after, left: w.before, right: w.after },
    channelMultiplier,
  };
}

export const convOutShape = (c: Conv2DInfo): number[] => [c.batch, c.outHeight, c.outWidth, c.outChannels];
export const convInShape = (c: Conv2DInfo): number[] => [c.batch, c.inHeight, c.inWidth, c.inChannels];
