import type { Conv2DInfo } from '@lamina/api';
import { apply, backend, convInfo, ConvSpec, dot, expectClose, inCoord, randn, rng, sizeOf, xShape, yShape } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));

/** Calls fn(xIndex, wIndex, yIndex) for every (x, w, y) triple a direct convolution multiplies. */
function eachTerm(c: Conv2DInfo, fn: (xi: number, wi: number, yi: number) => void): void {
  for (let b = 0; b < c.batch; b++) for (let oy = 0; oy < c.outHeight; oy++) for (let ox = 0; ox < c.outWidth; ox++) {
    for (let ky = 0; ky < c.filterHeight; ky++) {
      const iy = inCoord(oy, ky, c.strideHeight, c.pad.top, c.dilationHeight, c.inHeight);
      if (iy < 0) continue;
      for (let kx = 0; kx < c.filterWidth; kx++) {
        const ix = inCoord(ox, kx, c.strideWidth, c.pad.left, c.dilationWidth, c.inWidth);
        if (ix < 0) continue;
        for (let ci = 0; ci < c.inChannels; ci++) for (let co = 0; co < c.outChannels; co++) {
          fn(((b * c.inHeight + iy) * c.inWidth + ix) * c.inChannels + ci,
            ((ky * c.filterWidth + kx) * c.inChannels + ci) * c.outChannels + co,
            ((b * c.outHeight + oy) * c.outWidth + ox) * c.outChannels + co);
        }
      }
    }
  }
}

function refConv(x: Float32Array, w: Float32Array, c: Conv2DInfo): Float64Array {
  const y = new Float64Array(sizeOf(yShape(c)));
  eachTerm(c, (xi, wi, yi) => { y[yi] += x[xi] * w[wi]; });
  return y;
}
function refBackpropInput(dy: Float32Array, w: Float32Array, c: Conv2DInfo): Float64Array {
  const dx = new Float64Array(sizeOf(xShape(c)));
  eachTerm(c, (xi, wi, yi) => { dx[xi] += dy[yi] * w[wi]; });
  return dx;
}
function refBackpropFilter(x: Float32Array, dy: Float32Array, c: Conv2DInfo): Float64Array {
  const dw = new Float64Array(c.filterHeight * c.filterWidth * c.inChannels * c.outChannels);
  eachTerm(c, (xi, wi, yi) => { dw[wi] += x[xi] * dy[yi]; });
  return dw;
}

const rand = rng(13);
const P = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });

const specs: Array<[string, ConvSpec]> = [
  ['3x3 same-ish, 1 -> 2 channels', { batch: 1, inH: 5, inW: 5, inC: 1, fh: 3, fw: 3, outC: 2, pad: P(1, 1, 1, 1) }],
  ['stride 2, asymmetric padding', { batch: 2, inH: 7, inW: 6, inC: 3, fh: 3, fw: 2, outC: 5, stride: [2, 2], pad: P(0, 1, 1, 0) }],
  ['dilation 2', { batch: 2, inH: 8, inW: 7, inC: 4, fh: 3, fw: 3, outC: 3, dilation: [2, 2], pad: P(2, 1, 0, 2) }],
  ['stride (1,3) dilation (2,1)', { batch: 1, inH: 9, inW: 10, inC: 2, fh: 2, fw: 3, outC: 4, stride: [1, 3], dilation: [2, 1], pad: P(1, 0, 2, 1) }],
  ['17 -> 16 channels', { batch: 2, inH: 6, inW: 5, inC: 17, fh: 3, fw: 3, outC: 16, pad: P(1, 1, 1, 1) }],
  ['pointwise 1x1', { batch: 3, inH: 4, inW: 5, inC: 6, fh: 1, fw: 1, outC: 7 }],
  ['1x1 with stride 2', { batch: 2, inH: 5, inW: 5, inC: 3, fh: 1, fw: 1, outC: 2, stride: [2, 2] }],
  ['filter as large as the padded input', { batch: 1, inH: 3, inW: 2, inC: 2, fh: 4, fw: 3, outC: 3, pad: P(1, 0, 0, 1) }],
];

describe.each(specs)('conv2d family: %s', (_name, spec) => {
  const c = convInfo(spec);
  const wShape = [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels];
  const x = randn(sizeOf(xShape(c)), rand);
  const w = randn(sizeOf(wShape), rand);
  const dy = randn(sizeOf(yShape(c)), rand);

  test('conv2d matches the direct sum', () => {
    expectClose(apply(be, 'conv2d', [[x, xShape(c)], [w, wShape]], { conv: c }, yShape(c)), refConv(x, w, c), 1e-4, 1e-4);
  });
  test('conv2dBackpropInput matches the direct scatter', () => {
    expectClose(apply(be, 'conv2dBackpropInput', [[dy, yShape(c)], [w, wShape]], { conv: c }, xShape(c)), refBackpropInput(dy, w, c), 1e-4, 1e-4);
  });
  test('conv2dBackpropFilter matches the direct sum', () => {
    expectClose(apply(be, 'conv2dBackpropFilter', [[x, xShape(c)], [dy, yShape(c)]], { conv: c }, wShape), refBackpropFilter(x, dy, c), 1e-4, 1e-4);
  });
  test('adjoint identity <conv(x,w), dy> = <x, dInput(dy,w)> = <w, dFilter(x,dy)>', () => {
    const y = apply(be, 'conv2d', [[x, xShape(c)], [w, wShape]], { conv: c }, yShape(c));
    const dx = apply(be, 'conv2dBackpropInput', [[dy, yShape(c)], [w, wShape]], { conv: c }, xShape(c));
    const dw = apply(be, 'conv2dBackpropFilter', [[x, xShape(c)], [dy, yShape(c)]], { conv: c }, wShape);
    const lhs = dot(y, dy);
    const scale = 1e-4 * (1 + Math.sqrt(dot(y, y) * dot(dy, dy)));
    expect(Math.abs(dot(x, dx) - lhs)).toBeLessThan(scale);
    expect(Math.abs(dot(w, dw) - lhs)).toBeLessThan(scale);
  });
});

describe('conv2d by hand and at scale', () => {
  test('2x2 filter of ones on a 3x3 ramp (valid)', () => {
    const c = convInfo({ batch: 1, inH: 3, inW: 3, inC: 1, fh: 2, fw: 2, outC: 1 });
    const got = apply(be, 'conv2d', [[[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]], [[1, 1, 1, 1], [2, 2, 1, 1]]], { conv: c }, [1, 2, 2, 1]);
    expect(Array.from(got)).toEqual([12, 16, 24, 28]);
  });

  test('an input large enough to be split into several im2col chunks', () => {
    // rows * K = 310*310 * 45 > the 4M-float scratch budget, so conv and both gradients chunk.
    const c = convInfo({ batch: 1, inH: 310, inW: 310, inC: 5, fh: 3, fw: 3, outC: 2, pad: P(1, 1, 1, 1) });
    const wShape = [3, 3, 5, 2];
    const x = randn(sizeOf(xShape(c)), rand);
    const w = randn(sizeOf(wShape), rand);
    const dy = randn(sizeOf(yShape(c)), rand);
    expectClose(apply(be, 'conv2d', [[x, xShape(c)], [w, wShape]], { conv: c }, yShape(c)), refConv(x, w, c), 1e-4, 1e-4);
    expectClose(apply(be, 'conv2dBackpropInput', [[dy, yShape(c)], [w, wShape]], { conv: c }, xShape(c)), refBackpropInput(dy, w, c), 1e-4, 1e-4);
    expectClose(apply(be, 'conv2dBackpropFilter', [[x, xShape(c)], [dy, yShape(c)]], { conv: c }, wShape), refBackpropFilter(x, dy, c), 1e-3, 1e-4);
  });

  test('data that does not fit the geometry is a clear error', () => {
    const c = convInfo({ batch: 1, inH: 3, inW: 3, inC: 1, fh: 2, fw: 2, outC: 1 });
    expect(() => apply(be, 'conv2d', [[[1, 2, 3], [3]], [[1, 1, 1, 1], [2, 2, 1, 1]]], { conv: c }, [1, 2, 2, 1])).toThrow(/x has 3 elements.*needs 9/);
  });
});
