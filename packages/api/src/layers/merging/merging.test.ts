import { add, average, concatenate, dot, maximum, minimum, multiply, subtract } from '../index';
import { layerTest } from '../__tests__/layer-test';
import { input } from '../../models';

const two = { skipGrad: true, inputShapes: [[2, 3], [2, 3]], expectedShape: [2, 3] } as const;
const zip = (a: number[], b: number[], f: (x: number, y: number) => number): number[] => a.map((v, i) => f(v, b[i]!));
layerTest('add', { ...two, make: () => add(), reference: ([a, b]) => zip(a!, b!, (x, y) => x + y) });
layerTest('subtract', { ...two, make: () => subtract(), reference: ([a, b]) => zip(a!, b!, (x, y) => x - y) });
layerTest('multiply', { ...two, make: () => multiply(), reference: ([a, b]) => zip(a!, b!, (x, y) => x * y) });
layerTest('average', { ...two, make: () => average(), reference: ([a, b]) => zip(a!, b!, (x, y) => (x + y) / 2) });
layerTest('maximum', { ...two, make: () => maximum(), reference: ([a, b]) => zip(a!, b!, Math.max) });
layerTest('minimum', { ...two, make: () => minimum(), reference: ([a, b]) => zip(a!, b!, Math.min) });
layerTest('add of three inputs', {
  skipGrad: true, inputShapes: [[2, 2], [2, 2], [2, 2]], expectedShape: [2, 2], make: () => add(),
  reference: ([a, b, c]) => a!.map((v, i) => v + b![i]! + c![i]!),
});
layerTest('concatenate axis -1', {
  skipGrad: true, inputShapes: [[2, 2], [2, 3]], expectedShape: [2, 5], make: () => concatenate(),
  reference: ([a, b]) => [0, 1].flatMap((r) => [...a!.slice(r * 2, r * 2 + 2), ...b!.slice(r * 3, r * 3 + 3)]),
});
layerTest('dot axes 1 (rank 2)', {
  skipGrad: true, inputShapes: [[2, 3], [2, 3]], expectedShape: [2, 1], make: () => dot({ axes: 1 }),
  reference: ([a, b]) => [0, 1].map((r) => [0, 1, 2].reduce((s, k) => s + a![r * 3 + k]! * b![r * 3 + k]!, 0)),
});
layerTest('dot axes [2, 2] normalized (rank 3)', {
  skipGrad: true, inputShapes: [[1, 2, 3], [1, 4, 3]], expectedShape: [1, 2, 4], make: () => dot({ axes: [2, 2], normalize: true }),
  reference: ([a, b]) => {
    const row = (x: number[], i: number): number[] => x.slice(i * 3, i * 3 + 3);
    const unit = (v: number[]): number[] => v.map((u) => u / Math.hypot(...v));
    const out: number[] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 4; j++) out.push(unit(row(a!, i)).reduce((s, u, k) => s + u * unit(row(b!, j))[k]!, 0));
    return out;
  },
});

test('merge shapes are checked when the graph is built', () => {
  expect(() => add({ name: 'addX' }).apply([input({ shape: [3] }), input({ shape: [4] })])).toThrow(/addX.*\[null,3\] and \[null,4\]/);
  expect(() => concatenate({ name: 'catX' }).apply([input({ shape: [2, 3] }), input({ shape: [4, 3] })])).toThrow(/catX.*differ on axis 1/);
});
