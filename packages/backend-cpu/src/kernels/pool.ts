import type { Conv2DInfo, DataArray } from '@lamina/api';
import { checkConv } from './conv2d';

/**
 * Max and average pooling (NHWC, window filterHeight x filterWidth, channels kept).
 * Padding never contributes: for max it acts as -Infinity, for the average the divisor is
 * the number of in-bounds elements of each window (as tfjs does).
 */

function check(name: string, c: Conv2DInfo, lengths: Array<[string, number, 'x' | 'y']>): void {
  if (c.inChannels !== c.outChannels) {
    throw new Error(`${name}: pools keep the channel count, but inChannels is ${c.inChannels} and outChannels ${c.outChannels}`);
  }
  const xSize = c.batch * c.inHeight * c.inWidth * c.inChannels;
  const ySize = c.batch * c.outHeight * c.outWidth * c.outChannels;
  checkConv(name, c, lengths.map(([what, got, kind]) => [what, got, kind === 'x' ? xSize : ySize]));
}

/** The in-bounds part of one window axis: first input coordinate and how many (step = dilation). */
interface Span { first: number; count: number }

function span(o: number, stride: number, pad: number, size: number, dilation: number, extent: number): Span {
  const start = o * stride - pad;
  let k0 = 0;
  while (k0 < size && start + k0 * dilation < 0) k0++;
  let k1 = size;
  while (k1 > k0 && start + (k1 - 1) * dilation >= extent) k1--;
  return { first: start + k0 * dilation, count: k1 - k0 };
}

/**
 * Visits each output pixel with its window's in-bounds positions (as x offsets of channel 0,
 * in row-major window order, which makes "first max" well defined).
 */
function forEachWindow(c: Conv2DInfo, visit: (oo: number, taps: Int32Array, n: number) => void): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
  const taps = new Int32Array(c.filterHeight * c.filterWidth);
  for (let b = 0; b < c.batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const sy = span(oy, c.strideHeight, c.pad.top, c.filterHeight, c.dilationHeight, H);
      for (let ox = 0; ox < OW; ox++) {
        const sx = span(ox, c.strideWidth, c.pad.left, c.filterWidth, c.dilationWidth, W);
        let n = 0;
        for (let i = 0, iy = sy.first; i < sy.count; i++, iy += c.dilationHeight) {
          for (let j = 0, ix = sx.first; j < sx.count; j++, ix += c.dilationWidth) taps[n++] = ((b * H + iy) * W + ix) * C;
        }
        visit(((b * OH + oy) * OW + ox) * C, taps, n);
      }
    }
  }
}

export function maxPool(x: DataArray, c: Conv2DInfo): Float32Array {
  check('maxPool', c, [['x', x.length, 'x']]);
  const C = c.inChannels;
  const out = new Float32Array(c.batch * c.outHeight * c.outWidth * C).fill(-Infinity);
  forEachWindow(c, (oo, taps, n) => {
    for (let t = 0; t < n; t++) {
      const xo = taps[t];
      for (let ch = 0; ch < C; ch++) {
        const v = x[xo + ch];
        // NaN propagates: it replaces any number, and nothing replaces it.
        if (v > out[oo + ch] || (v !== v && out[oo + ch] === out[oo + ch])) out[oo + ch] = v;
      }
    }
  });
  return out;
}

/** dy of each window goes to the position maxPool picked (first max; first NaN if any). */
export function maxPoolGrad(dy: DataArray, x: DataArray, c: Conv2DInfo): Float32Array {
  check('maxPoolGrad', c, [['dy', dy.length, 'y'], ['x', x.length, 'x']]);
  const C = c.inChannels;
  const dx = new Float64Array(x.length);
  const best = new Float64Array(C);
  const at = new Int32Array(C);
  forEachWindow(c, (oo, taps, n) => {
    best.fill(-Infinity);
    at.fill(-1);
    for (let t = 0; t < n; t++) {
      const xo = taps[t];
      for (let ch = 0; ch < C; ch++) {
        const v = x[xo + ch];
        if (at[ch] < 0 || v > best[ch] || (v !== v && best[ch] === best[ch])) { best[ch] = v; at[ch] = xo + ch; }
      }
    }
    for (let ch = 0; ch < C; ch++) if (at[ch] >= 0) dx[at[ch]] += dy[oo + ch];
  });
  return Float32Array.from(dx);
}

export function avgPool(x: DataArray, c: Conv2DInfo): Float32Array {
  check('avgPool', c, [['x', x.length, 'x']]);
  const C = c.inChannels;
  const out = new Float32Array(c.batch * c.outHeight * c.outWidth * C);
  const acc = new Float64Array(C);
  forEachWindow(c, (oo, taps, n) => {
    acc.fill(0);
    for (let t = 0; t < n; t++) {
      const xo = taps[t];
      for (let ch = 0; ch < C; ch++) acc[ch] += x[xo + ch];
    }
    if (n > 0) for (let ch = 0; ch < C; ch++) out[oo + ch] = acc[ch] / n;
  });
  return out;
}

/** Each window's dy is spread evenly over its in-bounds positions. */
export function avgPoolGrad(dy: DataArray, c: Conv2DInfo): Float32Array {
  check('avgPoolGrad', c, [['dy', dy.length, 'y']]);
  const C = c.inChannels;
  const dx = new Float64Array(c.batch * c.inHeight * c.inWidth * C);
  forEachWindow(c, (oo, taps, n) => {
    if (n === 0) return;
    for (let t = 0; t < n; t++) {
      const xo = taps[t];
      for (let ch = 0; ch < C; ch++) dx[xo + ch] += dy[oo + ch] / n;
    }
  });
  return Float32Array.from(dx);
}
