import type { Conv2DInfo } from '@lamina/api';
import { apply, backend, convInfo, ConvSpec, dot, expectClose, inCoord, randn, rng, sizeOf, xShape, yShape } from '../__tests__/helpers';

const be = backend();
afterAll(() => expect(be.numHandles()).toBe(0));
const P = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });

/** The in-bounds x indices of each window, in row-major window order, per output index. */
function windows(c: Conv2DInfo): number[][] {
  const out: number[][] = [];
  for (let b = 0; b < c.batch; b++) for (let oy = 0; oy < c.outHeight; oy++) for (let ox = 0; ox < c.outWidth; ox++) {
    for (let ch = 0; ch < c.inChannels; ch++) {
      const w: number[] = [];
      for (let ky = 0; ky < c.filterHeight; ky++) for (let kx = 0; kx < c.filterWidth; kx++) {
        const iy = inCoord(oy, ky, c.strideHeight, c.pad.top, c.dilationHeight, c.inHeight);
        const ix = inCoord(ox, kx, c.strideWidth, c.pad.left, c.dilationWidth, c.inWidth);
        if (iy >= 0 && ix >= 0) w.push(((b * c.inHeight + iy) * c.inWidth + ix) * c.inChannels + ch);
      }
      out.push(w);
    }
  }
  return out;
}

const pool = (s: Omit<ConvSpec, 'outC'>): Conv2DInfo => convInfo({ ...s, outC: s.inC });

describe('maxPool / avgPool by hand', () => {
  // 4x4 ramp, one channel, 2x2 windows, stride 2
  const x = Array.from({ length: 16 }, (_, i) => i);
  const c = pool({ batch: 1, inH: 4, inW: 4, inC: 1, fh: 2, fw: 2, stride: [2, 2] });
  test('valid windows', () => {
    expect(Array.from(apply(be, 'maxPool', [[x, [1, 4, 4, 1]]], { conv: c }, [1, 2, 2, 1]))).toEqual([5, 7, 13, 15]);
    expect(Array.from(apply(be, 'avgPool', [[x, [1, 4, 4, 1]]], { conv: c }, [1, 2, 2, 1]))).toEqual([2.5, 4.5, 10.5, 12.5]);
  });
  test('padding is -Infinity for max and is not counted by avg', () => {
    const cp = pool({ batch: 1, inH: 2, inW: 2, inC: 1, fh: 2, fw: 2, pad: P(1, 0, 1, 0) });
    const xs = [-4, -3, -2, -1];
    expect(Array.from(apply(be, 'maxPool', [[xs, [1, 2, 2, 1]]], { conv: cp }, [1, 2, 2, 1]))).toEqual([-4, -3, -2, -1]);
    // windows: {-4}, {-4,-3}, {-4,-2}, {-4,-3,-2,-1}
    expect(Array.from(apply(be, 'avgPool', [[xs, [1, 2, 2, 1]]], { conv: cp }, [1, 2, 2, 1]))).toEqual([-4, -3.5, -3, -2.5]);
  });
  test('maxPoolGrad routes to the first max on ties', () => {
    const c2 = pool({ batch: 1, inH: 2, inW: 2, inC: 1, fh: 2, fw: 2 });
    const dx = apply(be, 'maxPoolGrad', [[[5], [1, 1, 1, 1]], [[1, 3, 3, 2], [1, 2, 2, 1]], [[3], [1, 1, 1, 1]]], { conv: c2 }, [1, 2, 2, 1]);
    expect(Array.from(dx)).toEqual([0, 5, 0, 0]);
  });
  test('overlapping windows add their gradients', () => {
    const c3 = pool({ batch: 1, inH: 1, inW: 3, inC: 1, fh: 1, fw: 2 });
    const dx = apply(be, 'maxPoolGrad', [[[1, 10], [1, 1, 2, 1]], [[0, 9, 1], [1, 1, 3, 1]], [[9, 9], [1, 1, 2, 1]]], { conv: c3 }, [1, 1, 3, 1]);
    expect(Array.from(dx)).toEqual([0, 11, 0]);
    const da = apply(be, 'avgPoolGrad', [[[2, 4], [1, 1, 2, 1]], [[0, 9, 1], [1, 1, 3, 1]]], { conv: c3 }, [1, 1, 3, 1]);
    expect(Array.from(da)).toEqual([1, 3, 2]);
  });
});

describe.each([
  ['3x3 stride 2 asymmetric pad, 3 channels', pool({ batch: 2, inH: 7, inW: 6, inC: 3, fh: 3, fw: 3, stride: [2, 2], pad: P(1, 0, 0, 1) })],
  ['2x3 stride (1,2), dilation 2, 5 channels', pool({ batch: 1, inH: 8, inW: 9, inC: 5, fh: 2, fw: 3, stride: [1, 2], dilation: [2, 2], pad: P(1, 1, 2, 0) })],
])('pools against references: %s', (_name, c) => {
  const rand = rng(29);
  const x = randn(sizeOf(xShape(c)), rand);
  const dy = randn(sizeOf(yShape(c)), rand);
  const wins = windows(c);

  test('maxPool and maxPoolGrad', () => {
    const y = apply(be, 'maxPool', [[x, xShape(c)]], { conv: c }, yShape(c));
    const wantDx = new Float64Array(x.length);
    wins.forEach((w, o) => {
      let best = w[0];
      for (const i of w) if (x[i] > x[best]) best = i;
      expect(y[o]).toBe(x[best]);
      wantDx[best] += dy[o];
    });
    expectClose(apply(be, 'maxPoolGrad', [[dy, yShape(c)], [x, xShape(c)], [y, yShape(c)]], { conv: c }, xShape(c)), wantDx, 1e-6, 1e-6);
  });

  test('avgPool, avgPoolGrad and their adjoint identity', () => {
    const y = apply(be, 'avgPool', [[x, xShape(c)]], { conv: c }, yShape(c));
    expectClose(y, wins.map((w) => w.reduce((s, i) => s + x[i], 0) / w.length), 1e-6, 1e-5);
    const dx = apply(be, 'avgPoolGrad', [[dy, yShape(c)], [x, xShape(c)]], { conv: c }, xShape(c));
    const wantDx = new Float64Array(x.length);
    wins.forEach((w, o) => { for (const i of w) wantDx[i] += dy[o] / w.length; });
    expectClose(dx, wantDx, 1e-6, 1e-5);
    expect(Math.abs(dot(y, dy) - dot(x, dx))).toBeLessThan(1e-4);
  });

  test('maxPoolGrad agrees with finite differences of sum(maxPool(x) * dy)', () => {
    const dx = apply(be, 'maxPoolGrad', [[dy, yShape(c)], [x, xShape(c)], [apply(be, 'maxPool', [[x, xShape(c)]], { conv: c }, yShape(c)), yShape(c)]], { conv: c }, xShape(c));
    const loss = (xv: Float32Array): number => dot(apply(be, 'maxPool', [[xv, xShape(c)]], { conv: c }, yShape(c)), dy);
    const eps = 1e-3;
    for (const i of [0, 7, 19, x.length - 1]) {
      const plus = Float32Array.from(x); plus[i] += eps;
      const minus = Float32Array.from(x); minus[i] -= eps;
      expect(Math.abs((loss(plus) - loss(minus)) / (2 * eps) - dx[i])).toBeLessThan(1e-2);
    }
  });
});

describe('NaN in maxPool', () => {
  test('propagates to the output and takes the gradient', () => {
    const c = pool({ batch: 1, inH: 1, inW: 3, inC: 1, fh: 1, fw: 3 });
    const y = apply(be, 'maxPool', [[[1, NaN, 5], [1, 1, 3, 1]]], { conv: c }, [1, 1, 1, 1]);
    expect(Number.isNaN(y[0])).toBe(true);
    const dx = apply(be, 'maxPoolGrad', [[[2], [1, 1, 1, 1]], [[1, NaN, 5], [1, 1, 3, 1]], [[NaN], [1, 1, 1, 1]]], { conv: c }, [1, 1, 3, 1]);
    expect(Array.from(dx)).toEqual([0, 2, 0]);
  });
});
