import type { Conv2DInfo } from '@lamina/api';
import { geometry, rand, samePad, size, withEngine } from '../__tests__/compare';

/**
 * Pools and their gradients agree with backend-cpu: padding never counts (max treats it as
 * -inf, the average divides by the in-bounds count), for 'valid', tfjs 'same' and explicit pads.
 */

const pool = (o: Parameters<typeof geometry>[0]): Conv2DInfo => geometry({ ...o, outC: o.inC });
const CASES: Array<[string, Conv2DInfo]> = [
  ['valid 2x2 stride 2', pool({ batch: 2, inH: 6, inW: 6, inC: 3, fh: 2, fw: 2, stride: [2, 2] })],
  ['valid 3x3 stride 1 (overlapping windows)', pool({ batch: 1, inH: 5, inW: 6, inC: 2, fh: 3, fw: 3 })],
  ['same 2x2 stride 2 on odd sizes', pool({ batch: 1, inH: 5, inW: 5, inC: 2, fh: 2, fw: 2, stride: [2, 2], pad: samePad(5, 5, 2, 2, 2, 2) })],
  ['same 3x3 stride 1, one channel', pool({ batch: 1, inH: 4, inW: 4, inC: 1, fh: 3, fw: 3, pad: samePad(4, 4, 3, 3, 1, 1) })],
  ['explicit asymmetric pad, stride [1,2]', pool({ batch: 2, inH: 4, inW: 5, inC: 3, fh: 2, fw: 3, stride: [1, 2], pad: { top: 1, bottom: 0, left: 0, right: 2 } })],
  ['explicit pad wider than half a window', pool({ batch: 1, inH: 3, inW: 3, inC: 2, fh: 3, fw: 3, pad: { top: 2, bottom: 2, left: 1, right: 2 } })],
];

const xShape = (c: Conv2DInfo): number[] => [c.batch, c.inHeight, c.inWidth, c.inChannels];
const yShape = (c: Conv2DInfo): number[] => [c.batch, c.outHeight, c.outWidth, c.outChannels];

describe.each(['wasm', 'cpu'] as const)('pool kernels equal backend-cpu (%s engine)', (engine) => {
  const t = withEngine(engine);

  test.each(CASES)('maxPool, avgPool and their gradients: %s', (_name, conv) => {
    // Distinct values: the max of each window is unique, so the gradient's route is well defined.
    const n = size(xShape(conv));
    const x = Float32Array.from(rand(n, 9), (v, i) => v + i * 1e-3);
    const dy = rand(size(yShape(conv)), 10);
    const out = { shape: yShape(conv), dtype: 'float32' as const };
    const y = t.same('maxPool', [[x, xShape(conv)]], { conv }, out);
    t.same('maxPoolGrad', [[dy, yShape(conv)], [x, xShape(conv)], [y, yShape(conv)]], { conv }, { shape: xShape(conv), dtype: 'float32' });
    t.same('avgPool', [[x, xShape(conv)]], { conv }, out, { rtol: 1e-5, atol: 1e-6 });
    t.same('avgPoolGrad', [[dy, yShape(conv)], [x, xShape(conv)]], { conv }, { shape: xShape(conv), dtype: 'float32' }, { rtol: 1e-5, atol: 1e-6 });
  });

  test('maxPoolGrad sends a tied window to its first maximum', () => {
    const conv = pool({ batch: 1, inH: 4, inW: 4, inC: 1, fh: 2, fw: 2, stride: [1, 1] });
    const x = [1, 1, 0, 2, 1, 1, 2, 2, 0, 3, 3, 0, 3, 3, 0, 1];
    const y = t.same('maxPool', [[x, [1, 4, 4, 1]]], { conv }, { shape: [1, 3, 3, 1], dtype: 'float32' });
    t.same('maxPoolGrad', [[rand(9, 4), [1, 3, 3, 1]], [x, [1, 4, 4, 1]], [y, [1, 3, 3, 1]]], { conv }, { shape: [1, 4, 4, 1], dtype: 'float32' });
  });
});
