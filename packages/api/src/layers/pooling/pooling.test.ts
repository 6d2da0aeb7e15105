import { averagePooling1d, averagePooling2d, maxPooling1d, maxPooling2d } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { pool2dRef } from '../__tests__/reference';

const noWeights = { skipGrad: true } as const;

layerTest('maxPooling2d 2x2', {
  ...noWeights,
  make: () => maxPooling2d({ poolSize: 2 }),
  inputShapes: [[2, 4, 5, 2]],
  expectedShape: [2, 2, 2, 2],
  reference: ([x], _w, s) => pool2dRef(x!, s.x[0]!, [2, 2], [2, 2], 'valid', 'max'),
});

layerTest('averagePooling2d 3x3 same, strides 2', {
  ...noWeights,
  make: () => averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
  inputShapes: [[1, 5, 5, 2]],
  expectedShape: [1, 3, 3, 2],
  reference: ([x], _w, s) => pool2dRef(x!, s.x[0]!, [3, 3], [2, 2], 'same', 'avg'),
});

layerTest('maxPooling1d', {
  ...noWeights,
  make: () => maxPooling1d({ poolSize: 2, strides: 1 }),
  inputShapes: [[2, 5, 3]],
  expectedShape: [2, 4, 3],
  reference: ([x], _w, s) => pool2dRef(x!, [2, 1, 5, 3], [1, 2], [1, 1], 'valid', 'max'),
});

layerTest('averagePooling1d', {
  ...noWeights,
  make: () => averagePooling1d({ poolSize: 3 }),
  inputShapes: [[2, 7, 2]],
  expectedShape: [2, 2, 2],
  reference: ([x]) => pool2dRef(x!, [2, 1, 7, 2], [1, 3], [1, 3], 'valid', 'avg'),
});
