import { flatten, permute, repeatVector, reshape } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { input } from '../../models';

const noWeights = { skipGrad: true } as const;
layerTest('flatten', { ...noWeights, make: () => flatten(), inputShapes: [[2, 3, 2]], expectedShape: [2, 6], reference: ([x]) => x! });
layerTest('reshape with -1', { ...noWeights, make: () => reshape({ targetShape: [-1, 2] }), inputShapes: [[2, 6]], expectedShape: [2, 3, 2], reference: ([x]) => x! });
layerTest('permute', {
  ...noWeights,
  make: () => permute({ dims: [2, 1] }),
  inputShapes: [[2, 3, 4]],
  expectedShape: [2, 4, 3],
  reference: ([x]) => {
    const out: number[] = [];
    for (let b = 0; b < 2; b++) for (let j = 0; j < 4; j++) for (let i = 0; i < 3; i++) out.push(x![b * 12 + i * 4 + j]!);
    return out;
  },
});
layerTest('repeatVector', {
  ...noWeights,
  make: () => repeatVector({ n: 3 }),
  inputShapes: [[2, 2]],
  expectedShape: [2, 3, 2],
  reference: ([x]) => [0, 1].flatMap((b) => [0, 1, 2].flatMap(() => x!.slice(b * 2, b * 2 + 2))),
});

test('reshape checks sizes at definition time', () => {
  expect(() => reshape({ targetShape: [4, 2], name: 'rs' }).apply(input({ shape: [6] }))).toThrow(/Layer 'rs' \(Reshape\).*\[null,6\].*\[4,2\]/);
  expect(() => permute({ dims: [1, 3] })).toThrow(/permute: invalid options:[\s\S]*'dims': dims must be a permutation/);
});
