import { depthwiseConv2d, separableConv2d } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { depthwiseRef, matmulRef } from '../__tests__/reference';

layerTest('depthwiseConv2d multiplier 2', {
  make: () => depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2 }),
  inputShapes: [[2, 4, 4, 2]],
  expectedShape: [2, 3, 3, 4],
  reference: ([x], [k, b], s) => depthwiseRef(x!, s.x[0]!, k!, s.w[0]!, [1, 1], 'valid').map((v, i) => v + b![i % 4]!),
});

layerTest('separableConv2d same', {
  make: () => separableConv2d({ filters: 3, kernelSize: 3, padding: 'same' }),
  inputShapes: [[1, 4, 4, 2]],
  expectedShape: [1, 4, 4, 3],
  reference: ([x], [dk, pk, b], s) => {
    const d = depthwiseRef(x!, s.x[0]!, dk!, s.w[0]!, [1, 1], 'same');
    return matmulRef(d, pk!, 16, 2, 3).map((v, i) => v + b![i % 3]!);
  },
});
