import { rescaling } from '../index';
import { layerTest } from '../__tests__/layer-test';

layerTest('rescaling', { skipGrad: true, make: () => rescaling({ scale: 1 / 255, offset: -0.5 }), inputShapes: [[2, 3]], expectedShape: [2, 3], reference: ([x]) => x!.map((v) => v / 255 - 0.5) });
