import type { UnaryOp } from '../backend/kernels';
import * as ops from '../ops';
import type { Tensor } from '../tensor/tensor';
import { tensor } from '../tensor/create';
import { distinctValues, gradCheck, randomValues } from './gradcheck';

type Case = { name: string; f: (...xs: Tensor[]) => Tensor; shapes: number[][]; values?: (n: number, seed: number) => Float32Array };

const size = (s: number[]): number => s.reduce((p, d) => p * d, 1);
const within = (lo: number, hi: number, avoid: number[] = []) => (n: number, seed: number) => randomValues(n, lo, hi, seed, avoid);

/** Domains keep finite differences away from kinks and poles. */
const UNARY_DOMAIN: Partial<Record<UnaryOp, [number, number, number[]]>> = {
  log: [0.5, 2, []], sqrt: [0.5, 2, []], rsqrt: [0.5, 2, []], reciprocal: [0.5, 2, []], log1p: [-0.5, 2, []],
  asin: [-0.8, 0.8, []], acos: [-0.8, 0.8, []], atanh: [-0.8, 0.8, []], acosh: [1.2, 3, []],
  abs: [-2, 2, [0]], relu: [-2, 2, [0]], relu6: [-2, 7, [0, 6]], elu: [-2, 2, [0]], selu: [-2, 2, [0]], tan: [-1, 1, []],
};
const DIFFERENTIABLE_UNARY: UnaryOp[] = [
  'neg', 'abs', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'rsqrt', 'square', 'reciprocal', 'sin', 'cos', 'tan', 'asin', 'acos',
  'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sigmoid', 'softplus', 'relu', 'relu6', 'elu', 'selu', 'erf',
];

const CASES: Case[] = [
  ...DIFFERENTIABLE_UNARY.map((op): Case => {
    const [lo, hi, avoid] = UNARY_DOMAIN[op] ?? [-2, 2, []];
    return { name: `unary ${op}`, f: (x) => ops.unary(op, x), shapes: [[2, 3]], values: within(lo, hi, avoid) };
  }),
  ...(['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'atan2'] as const).flatMap((op): Case[] => [
    { name: `${op} [2,3] x [3]`, f: (a, b) => ops.binary(op, a!, b!), shapes: [[2, 3], [3]], values: within(0.5, 2) },
    { name: `${op} [2,1] x [1,3]`, f: (a, b) => ops.binary(op, a!, b!), shapes: [[2, 1], [1, 3]], values: within(-2, 2, [0]) },
    { name: `${op} scalar x [4]`, f: (a, b) => ops.binary(op, a!, b!), shapes: [[], [4]], values: within(0.5, 2) },
  ]),
  { name: 'pow (positive base)', f: (a, b) => ops.pow(a!, b!), shapes: [[2, 3], [3]], values: within(0.5, 2) },
  { name: 'mod', f: (a, b) => ops.mod(a!, b!), shapes: [[4], [4]], values: (n, s) => (s % 2 ? randomValues(n, 1.1, 1.9, s) : randomValues(n, 2.1, 2.9, s)) },
  { name: 'where', f: (a, b) => ops.where(tensor([true, false, true], [3]), a!, b!), shapes: [[2, 3], [3]] },
  { name: 'squaredDifference', f: (a, b) => ops.squaredDifference(a!, b!), shapes: [[3], [3]] },
  { name: 'clipByValue', f: (a) => ops.clipByValue(a!, -0.5, 0.5), shapes: [[6]], values: within(-1, 1, [-0.5, 0.5]) },
  { name: 'sum axis 1', f: (x) => ops.sum(x!, 1), shapes: [[2, 3, 2]] },
  { name: 'sum all keepDims', f: (x) => ops.sum(x!, null, true), shapes: [[2, 3]] },
  { name: 'mean axis [0, 2]', f: (x) => ops.mean(x!, [0, 2]), shapes: [[2, 3, 2]] },
  { name: 'prod axis -1', f: (x) => ops.prod(x!, -1), shapes: [[2, 3]], values: within(0.5, 2) },
  { name: 'max axis 0', f: (x) => ops.max(x!, 0), shapes: [[3, 4]], values: distinctValues },
  { name: 'min all', f: (x) => ops.min(x!), shapes: [[3, 4]], values: distinctValues },
  { name: 'logSumExp axis 1', f: (x) => ops.logSumExp(x!, 1), shapes: [[2, 4]] },
  { name: 'moments variance', f: (x) => ops.moments(x!, 0).variance, shapes: [[4, 3]] },
  { name: 'softmax', f: (x) => ops.softmax(x!), shapes: [[2, 4]] },
  { name: 'logSoftmax axis 0', f: (x) => ops.logSoftmax(x!, 0), shapes: [[3, 2]] },
  { name: 'gelu', f: (x) => ops.gelu(x!), shapes: [[5]] },
  { name: 'gelu approximate', f: (x) => ops.gelu(x!, true), shapes: [[5]] },
  { name: 'swish', f: (x) => ops.swish(x!), shapes: [[5]] },
  { name: 'leakyRelu', f: (x) => ops.leakyRelu(x!, 0.1), shapes: [[6]], values: within(-2, 2, [0]) },
  { name: 'reshape', f: (x) => ops.reshape(x!, [3, 2]).mul(tensor([1, 2, 3, 4, 5, 6], [3, 2])), shapes: [[2, 3]] },
  { name: 'transpose', f: (x) => ops.transpose(x!, [2, 0, 1]), shapes: [[2, 3, 2]] },
  { name: 'slice', f: (x) => ops.slice(x!, [1, 0], [2, 2]), shapes: [[3, 3]] },
  { name: 'stridedSlice negative stride', f: (x) => ops.stridedSlice(x!, [3, 0], [0, 3], [-2, 2]), shapes: [[4, 3]] },
  { name: 'concat axis 1', f: (a, b) => ops.concat([a!, b!], 1), shapes: [[2, 2], [2, 3]] },
  { name: 'stack', f: (a, b) => ops.stack([a!, b!], 1), shapes: [[2], [2]] },
  { name: 'split', f: (x) => ops.split(x!, [1, 2], 1)[1]!, shapes: [[2, 3]] },
  { name: 'pad', f: (x) => ops.pad(x!, [[1, 0], [2, 1]]), shapes: [[2, 2]] },
  { name: 'tile', f: (x) => ops.tile(x!, [2, 3]), shapes: [[2, 2]] },
  { name: 'reverse', f: (x) => ops.reverse(x!, [0, 1]), shapes: [[2, 3]] },
  { name: 'gather axis 0 with repeats', f: (x) => ops.gather(x!, tensor([2, 0, 2], [3], 'int32'), 0), shapes: [[3, 2]] },
  { name: 'gather axis 1, 2-D indices', f: (x) => ops.gather(x!, tensor([[1, 0], [1, 1]], [2, 2], 'int32'), 1), shapes: [[2, 3, 2]] },
  { name: 'unsortedSegmentSum', f: (x) => ops.unsortedSegmentSum(x!, tensor([1, 0, 1], [3], 'int32'), 2), shapes: [[3, 2]] },
  { name: 'broadcastTo', f: (x) => ops.broadcastTo(x!, [3, 2, 2]), shapes: [[2, 1]] },
  { name: 'matMul', f: (a, b) => ops.matMul(a!, b!), shapes: [[2, 3], [3, 4]] },
  { name: 'matMul transposeA', f: (a, b) => ops.matMul(a!, b!, true, false), shapes: [[3, 2], [3, 4]] },
  { name: 'matMul transposeB', f: (a, b) => ops.matMul(a!, b!, false, true), shapes: [[2, 3], [4, 3]] },
  { name: 'matMul both transposed', f: (a, b) => ops.matMul(a!, b!, true, true), shapes: [[3, 2], [4, 3]] },
  { name: 'matMul broadcast batch', f: (a, b) => ops.matMul(a!, b!), shapes: [[2, 2, 3], [3, 2]] },
  { name: 'conv2d valid', f: (x, w) => ops.conv2d(x!, w!, 1, 'valid'), shapes: [[1, 4, 4, 2], [3, 3, 2, 2]] },
  { name: 'conv2d same stride 2', f: (x, w) => ops.conv2d(x!, w!, 2, 'same'), shapes: [[2, 5, 5, 1], [3, 3, 1, 2]] },
  { name: 'conv2d dilation 2', f: (x, w) => ops.conv2d(x!, w!, 1, 'same', 'NHWC', 2), shapes: [[1, 5, 5, 1], [2, 2, 1, 1]] },
  { name: 'conv1d causal', f: (x, w) => ops.conv1d(x!, w!, 1, 'causal'), shapes: [[1, 5, 2], [3, 2, 2]] },
  { name: 'conv2dTranspose', f: (x, w) => ops.conv2dTranspose(x!, w!, [1, 5, 5, 1], 2, 'same'), shapes: [[1, 3, 3, 2], [3, 3, 1, 2]] },
  { name: 'depthwiseConv2d', f: (x, w) => ops.depthwiseConv2d(x!, w!, 1, 'same'), shapes: [[1, 4, 4, 2], [3, 3, 2, 2]] },
  { name: 'separableConv2d', f: (x, d, p) => ops.separableConv2d(x!, d!, p!, 1, 'valid'), shapes: [[1, 4, 4, 2], [2, 2, 2, 1], [1, 1, 2, 3]] },
  { name: 'maxPool same', f: (x) => ops.maxPool(x!, 2, 2, 'same'), shapes: [[1, 5, 5, 2]], values: distinctValues },
  { name: 'avgPool same stride 1', f: (x) => ops.avgPool(x!, 3, 1, 'same'), shapes: [[1, 4, 4, 1]] },
];

export function runGradientConformance(): void {
  describe('gradients vs central finite differences', () => {
    test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const values = c.shapes.map((s, i) => (c.values ?? within(-2, 2))(size(s), 11 + i));
      const r = gradCheck(c.f, values, c.shapes);
      if (r.worst > 1) throw new Error(`gradient mismatch: ${r.detail}`);
    });
  });
}
