import type { Conv2DInfo } from '@lamina/api';
import { geometry, rand, samePad, size, withEngine } from '../__tests__/compare';

/**
 * Convolutions and their gradients agree with backend-cpu on each engine, through every path:
 * 'valid', 'same' (native tfjs padding), explicit padding tfjs has no name for (padded by hand),
 * strides, dilations (folded into the filter for the backprops) and channel multipliers.
 */

const CASES: Array<[string, Conv2DInfo]> = [
  ['valid 3x3', geometry({ batch: 2, inH: 6, inW: 5, inC: 3, fh: 3, fw: 3, outC: 4 })],
  ['same 3x3 stride 1', geometry({ batch: 1, inH: 5, inW: 5, inC: 2, fh: 3, fw: 3, outC: 3, pad: samePad(5, 5, 3, 3, 1, 1) })],
  ['same 2x3 stride 2', geometry({ batch: 2, inH: 7, inW: 6, inC: 2, fh: 2, fw: 3, outC: 3, stride: [2, 2], pad: samePad(7, 6, 2, 3, 2, 2) })],
  ['explicit asymmetric pad, stride [2,1]', geometry({
    batch: 2, inH: 5, inW: 4, inC: 3, fh: 3, fw: 2, outC: 4, stride: [2, 1], pad: { top: 2, bottom: 0, left: 0, right: 1 },
  })],
  ['dilation 2, same', geometry({ batch: 1, inH: 7, inW: 7, inC: 2, fh: 3, fw: 3, outC: 2, dilation: [2, 2], pad: samePad(7, 7, 5, 5, 1, 1) })],
  ['dilation [2,1], explicit pad', geometry({ batch: 2, inH: 6, inW: 5, inC: 2, fh: 2, fw: 3, outC: 3, dilation: [2, 1], pad: { top: 1, bottom: 2, left: 1, right: 0 } })],
];

const DEPTHWISE: Array<[string, Conv2DInfo]> = [
  ['valid, multiplier 2', geometry({ batch: 2, inH: 5, inW: 5, inC: 3, fh: 3, fw: 3, mult: 2 })],
  ['same, stride 2', geometry({ batch: 1, inH: 6, inW: 7, inC: 2, fh: 3, fw: 3, mult: 1, stride: [2, 2], pad: samePad(6, 7, 3, 3, 2, 2) })],
  ['explicit pad, multiplier 3', geometry({ batch: 1, inH: 4, inW: 5, inC: 2, fh: 2, fw: 2, mult: 3, pad: { top: 0, bottom: 1, left: 2, right: 0 } })],
  ['dilation 2, multiplier 2', geometry({ batch: 2, inH: 7, inW: 6, inC: 2, fh: 2, fw: 2, mult: 2, dilation: [2, 2], pad: samePad(7, 6, 3, 3, 1, 1) })],
];

const xShape = (c: Conv2DInfo): number[] => [c.batch, c.inHeight, c.inWidth, c.inChannels];
const yShape = (c: Conv2DInfo): number[] => [c.batch, c.outHeight, c.outWidth, c.outChannels];
const tol = { rtol: 1e-4, atol: 1e-5 };

describe.each(['wasm', 'cpu'] as const)('convolution kernels equal backend-cpu (%s engine)', (engine) => {
  const t = withEngine(engine);

  test.each(CASES)('conv2d and its gradients: %s', (_name, conv) => {
    const w = [conv.filterHeight, conv.filterWidth, conv.inChannels, conv.outChannels];
    const x = rand(size(xShape(conv)), 1);
    const f = rand(size(w), 2);
    const dy = rand(size(yShape(conv)), 3);
    t.same('conv2d', [[x, xShape(conv)], [f, w]], { conv }, { shape: yShape(conv), dtype: 'float32' }, tol);
    t.same('conv2dBackpropInput', [[dy, yShape(conv)], [f, w]], { conv }, { shape: xShape(conv), dtype: 'float32' }, tol);
    t.same('conv2dBackpropFilter', [[x, xShape(conv)], [dy, yShape(conv)]], { conv }, { shape: w, dtype: 'float32' }, tol);
  });

  test.each(DEPTHWISE)('depthwiseConv2d and its gradients: %s', (_name, conv) => {
    const w = [conv.filterHeight, conv.filterWidth, conv.inChannels, conv.channelMultiplier];
    const x = rand(size(xShape(conv)), 4);
    const f = rand(size(w), 5);
    const dy = rand(size(yShape(conv)), 6);
    t.same('depthwiseConv2d', [[x, xShape(conv)], [f, w]], { conv }, { shape: yShape(conv), dtype: 'float32' }, tol);
    t.same('depthwiseConv2dBackpropInput', [[dy, yShape(conv)], [f, w]], { conv }, { shape: xShape(conv), dtype: 'float32' }, tol);
    t.same('depthwiseConv2dBackpropFilter', [[x, xShape(conv)], [dy, yShape(conv)]], { conv }, { shape: w, dtype: 'float32' }, tol);
  });
});
