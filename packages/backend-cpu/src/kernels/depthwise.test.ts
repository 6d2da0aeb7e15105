import type { Conv2DInfo } from '@lamina/api';
import { apply, backend, convInfo, ConvSpec, dot, expectClose, inCoord, randn, rng, sizeOf, xShape, yShape } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

/** fn(xIndex, wIndex, yIndex) for every product of a direct depthwise convolution. */
function eachTerm(c: Conv2DInfo, fn: (xi: number, wi: number, yi: number) => void): void {
  const M = c.channelMultiplier;
  for (let b = 0; b < c.batch; b++) for (let oy = 0; oy < c.outHeight; oy++) for (let ox = 0; ox < c.outWidth; ox++) {
    for (let ky = 0; ky < c.filterHeight; ky++) for (let kx = 0; kx < c.filterWidth; kx++) {
      const iy = inCoord(oy, ky, c.strideHeight, c.pad.top, c.dilationHeight, c.inHeight);
      const ix = inCoord(ox, kx, c.strideWidth, c.pad.left, c.dilationWidth, c.inWidth);
      if (iy < 0 || ix < 0) continue;
      for (let ch = 0; ch < c.inChannels; ch++) for (let m = 0; m < M; m++) {
        fn(((b * c.inHeight + iy) * c.inWidth + ix) * c.inChannels + ch,
          ((ky * c.filterWidth + kx) * c.inChannels + ch) * M + m,
          ((b * c.outHeight + oy) * c.outWidth + ox) * c.outChannels + ch * M + m);
      }
    }
  }
}

const rand = rng(17);
const P = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });
const specs: Array<[string, ConvSpec]> = [
  ['3x3, multiplier 1', { batch: 2, inH: 5, inW: 6, inC: 3, fh: 3, fw: 3, pad: P(1, 1, 1, 1) }],
  ['multiplier 3, stride 2, asymmetric pad', { batch: 1, inH: 7, inW: 6, inC: 2, fh: 3, fw: 2, mult: 3, stride: [2, 2], pad: P(0, 1, 1, 0) }],
  ['dilation 2, multiplier 2', { batch: 2, inH: 8, inW: 8, inC: 5, fh: 2, fw: 3, mult: 2, dilation: [2, 2], pad: P(1, 1, 2, 0) }],
];

describe.each(specs)('depthwise family: %s', (_name, spec) => {
  const c = convInfo(spec);
  const wShape = [c.filterHeight, c.filterWidth, c.inChannels, c.channelMultiplier];
  const x = randn(sizeOf(xShape(c)), rand);
  const w = randn(sizeOf(wShape), rand);
  const dy = randn(sizeOf(yShape(c)), rand);

  test('forward, input gradient and filter gradient match direct loops', () => {
    const y = new Float64Array(sizeOf(yShape(c)));
    const dx = new Float64Array(x.length);
    const dw = new Float64Array(w.length);
    eachTerm(c, (xi, wi, yi) => { y[yi] += x[xi] * w[wi]; dx[xi] += dy[yi] * w[wi]; dw[wi] += x[xi] * dy[yi]; });
    expectClose(apply(be, 'depthwiseConv2d', [[x, xShape(c)], [w, wShape]], { conv: c }, yShape(c)), y, 1e-5, 1e-5);
    expectClose(apply(be, 'depthwiseConv2dBackpropInput', [[dy, yShape(c)], [w, wShape]], { conv: c }, xShape(c)), dx, 1e-5, 1e-5);
    expectClose(apply(be, 'depthwiseConv2dBackpropFilter', [[x, xShape(c)], [dy, yShape(c)]], { conv: c }, wShape), dw, 1e-5, 1e-5);
  });

  test('adjoint identity', () => {
    const y = apply(be, 'depthwiseConv2d', [[x, xShape(c)], [w, wShape]], { conv: c }, yShape(c));
    const dx = apply(be, 'depthwiseConv2dBackpropInput', [[dy, yShape(c)], [w, wShape]], { conv: c }, xShape(c));
    const dw = apply(be, 'depthwiseConv2dBackpropFilter', [[x, xShape(c)], [dy, yShape(c)]], { conv: c }, wShape);
    const lhs = dot(y, dy);
    expect(Math.abs(dot(x, dx) - lhs)).toBeLessThan(1e-4 * (1 + Math.abs(lhs)));
    expect(Math.abs(dot(w, dw) - lhs)).toBeLessThan(1e-4 * (1 + Math.abs(lhs)));
  });
});

describe('depthwiseConv2d by hand', () => {
  test('output channel c*mult + m sees input channel c only', () => {
    // x [1,1,1,2] = [2, 3]; filter [1,1,2,2] = channel 0 -> (1, 10), channel 1 -> (100, 1000)
    const c = convInfo({ batch: 1, inH: 1, inW: 1, inC: 2, fh: 1, fw: 1, mult: 2 });
    const got = apply(be, 'depthwiseConv2d', [[[2, 3], [1, 1, 1, 2]], [[1, 10, 100, 1000], [1, 1, 2, 2]]], { conv: c }, [1, 1, 1, 4]);
    expect(Array.from(got)).toEqual([2, 20, 300, 3000]);
  });
  test('inconsistent channel counts are a clear error', () => {
    const c = { ...convInfo({ batch: 1, inH: 1, inW: 1, inC: 2, fh: 1, fw: 1, mult: 2 }), outChannels: 3 };
    expect(() => apply(be, 'depthwiseConv2d', [[[2, 3], [1, 1, 1, 2]], [[1, 10, 100], [1, 1, 3, 1]]], { conv: c }, [1, 1, 1, 3])).toThrow(/channelMultiplier/);
  });
});
