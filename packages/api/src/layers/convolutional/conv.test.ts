import { conv1d, conv2d } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { conv2dRef } from '../__tests__/reference';

layerTest('conv2d valid 3x3', {
  make: () => conv2d({ filters: 3, kernelSize: 3, inputShape: [5, 5, 2] }),
  inputShapes: [[2, 5, 5, 2]],
  expectedShape: [2, 3, 3, 3],
  reference: ([x], [k, b], s) => conv2dRef(x!, s.x[0]!, k!, s.w[0]!, [1, 1], 'valid', [1, 1], b),
});

layerTest('conv2d same, strides 2, tanh', {
  make: () => conv2d({ filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'tanh' }),
  inputShapes: [[1, 5, 4, 2]],
  expectedShape: [1, 3, 2, 2],
  reference: ([x], [k, b], s) => conv2dRef(x!, s.x[0]!, k!, s.w[0]!, [2, 2], 'same', [1, 1], b).map(Math.tanh),
});

layerTest('conv1d causal, dilation 2', {
  make: () => conv1d({ filters: 2, kernelSize: 2, padding: 'causal', dilationRate: 2 }),
  inputShapes: [[2, 6, 3]],
  expectedShape: [2, 6, 2],
  // a 1-D convolution is a 2-D one of height 1
  reference: ([x], [k, b], s) => conv2dRef(x!, [s.x[0]![0]!, 1, s.x[0]![1]!, 3], k!, [1, ...s.w[0]!], [1, 1], 'causal', [1, 2], b),
});

test('conv2d checks shapes at definition time', () => {
  const { input } = jest.requireActual('../../models');
  const c = conv2d({ filters: 2, kernelSize: 3, name: 'convA' });
  expect(() => c.apply(input({ shape: [5, 5] }))).toThrow(/Layer 'convA' \(Conv2D\) expects its input of rank 4.*given shape \[null,5,5\]/);
  const c2 = conv2d({ filters: 2, kernelSize: 7, name: 'convB' });
  expect(() => c2.apply(input({ shape: [5, 5, 1] }))).toThrow(/convB.*does not fit/);
  expect(() => conv2d({ filters: 2, kernelSize: [3, 3, 3] })).toThrow(/'kernelSize' needs 2 numbers/);
});
