import type { Conv2DInfo, DataArray } from '@lamina/api';
import { checkConv } from './conv2d';

/**
 * Depthwise 2-D convolution (NHWC, filter [fh, fw, inC, mult]); output channel c*mult + m
 * sees only input channel c. Work per output is small (fh*fw*mult), so these are direct loops
 * over output pixels with the channel loops innermost (contiguous in x, filter and dy).
 */

function sizes(c: Conv2DInfo): { x: number; dy: number; w: number } {
  return {
    x: c.batch * c.inHeight * c.inWidth * c.inChannels,
    dy: c.batch * c.outHeight * c.outWidth * c.outChannels,
    w: c.filterHeight * c.filterWidth * c.outChannels,
  };
}

function check(name: string, c: Conv2DInfo, lengths: Array<[string, number, number]>): void {
  if (c.outChannels !== c.inChannels * c.channelMultiplier) {
    throw new Error(`${name}: outChannels ${c.outChannels} must be inChannels ${c.inChannels} x channelMultiplier ${c.channelMultiplier}`);
  }
  checkConv(name, c, lengths);
}

/**
 * Calls visit(xOffset, filterOffset, outOffset) for every (output pixel, in-bounds filter tap):
 * the shared walk of all three kernels. Offsets point at channel 0.
 */
function forEachTap(c: Conv2DInfo, visit: (xo: number, wo: number, oo: number) => void): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: FH, filterWidth: FW } = c;
  const OC = c.outChannels;
  for (let b = 0; b < c.batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        const y0 = oy * c.strideHeight - c.pad.top;
        const x0 = ox * c.strideWidth - c.pad.left;
        const oo = ((b * OH + oy) * OW + ox) * OC;
        for (let ky = 0; ky < FH; ky++) {
          const iy = y0 + ky * c.dilationHeight;
          if (iy < 0 || iy >= H) continue;
          for (let kx = 0; kx < FW; kx++) {
            const ix = x0 + kx * c.dilationWidth;
            if (ix < 0 || ix >= W) continue;
            visit(((b * H + iy) * W + ix) * C, (ky * FW + kx) * OC, oo);
          }
        }
      }
    }
  }
}

export function depthwiseConv2d(x: DataArray, w: DataArray, c: Conv2DInfo): Float32Array {
  check('depthwiseConv2d', c, [['x', x.length, sizes(c).x], ['filter', w.length, sizes(c).w]]);
  const C = c.inChannels, M = c.channelMultiplier;
  const acc = new Float64Array(c.batch * c.outHeight * c.outWidth * c.outChannels);
  forEachTap(c, (xo, wo, oo) => {
    for (let ch = 0; ch < C; ch++) {
      const xv = x[xo + ch];
      for (let m = 0, j = ch * M; m < M; m++, j++) acc[oo + j] += xv * w[wo + j];
    }
  });
  return Float32Array.from(acc);
}

/** dx[b, iy, ix, c] = sum over taps and m of dy[b, oy, ox, c*mult + m] * w[ky, kx, c, m]. */
export function depthwiseConv2dBackpropInput(dy: DataArray, w: DataArray, c: Conv2DInfo): Float32Array {
  check('depthwiseConv2dBackpropInput', c, [['dy', dy.length, sizes(c).dy], ['filter', w.length, sizes(c).w]]);
  const C = c.inChannels, M = c.channelMultiplier;
  const acc = new Float64Array(c.batch * c.inHeight * c.inWidth * C);
  forEachTap(c, (xo, wo, oo) => {
    for (let ch = 0; ch < C; ch++) {
      let s = 0;
      for (let m = 0, j = ch * M; m < M; m++, j++) s += dy[oo + j] * w[wo + j];
      acc[xo + ch] += s;
    }
  });
  return Float32Array.from(acc);
}

/** dW[ky, kx, c, m] = sum over pixels of x[b, iy, ix, c] * dy[b, oy, ox, c*mult + m]. */
export function depthwiseConv2dBackpropFilter(x: DataArray, dy: DataArray, c: Conv2DInfo): Float32Array {
  check('depthwiseConv2dBackpropFilter', c, [['x', x.length, sizes(c).x], ['dy', dy.length, sizes(c).dy]]);
  const C = c.inChannels, M = c.channelMultiplier;
  const acc = new Float64Array(c.filterHeight * c.filterWidth * c.outChannels);
  forEachTap(c, (xo, wo, oo) => {
    for (let ch = 0; ch < C; ch++) {
      const xv = x[xo + ch];
      for (let m = 0, j = ch * M; m < M; m++, j++) acc[wo + j] += xv * dy[oo + j];
    }
  });
  return Float32Array.from(acc);
}
