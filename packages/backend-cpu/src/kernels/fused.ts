import type { DataArray, FusedActivation } from '@lamina/api';
import { gemm } from './gemm';
import { elu, relu6, sigmoid } from './unary';
import { asFloat32, shapeStr } from './util';

/** act(a @ b + bias) for 2-D a [m, k] and b [k, n], bias [n]: one gemm, then one in-place pass. */
export function matMulBiasAct(
  a: DataArray, aShape: readonly number[], b: DataArray, bShape: readonly number[],
  bias: DataArray | null, act: FusedActivation,
): Float32Array {
  if (aShape.length !== 2 || bShape.length !== 2 || aShape[1] !== bShape[0]) {
    throw new Error(`matMulBiasAct: needs a [m, k] and b [k, n], got ${shapeStr(aShape)} and ${shapeStr(bShape)}`);
  }
  const [m, k] = aShape;
  const n = bShape[1];
  if (bias && bias.length !== n) throw new Error(`matMulBiasAct: bias has ${bias.length} elements, expected ${n}`);
  const out = new Float32Array(m * n);
  gemm(m, n, k, asFloat32(a), 0, k, 1, asFloat32(b), 0, n, 1, out, 0, n, false);
  const f = activation(act);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] = f(out[row + j] + (bias ? bias[j] : 0));
  }
  return out;
}

function activation(act: FusedActivation): (x: number) => number {
  switch (act) {
    case 'linear': return (x) => x;
    case 'relu': return (x) => (x + Math.abs(x)) * 0.5; // branch-free, see unary.ts
    case 'relu6': return relu6;
    case 'sigmoid': return sigmoid;
    case 'tanh': return Math.tanh;
    case 'elu': return elu;
    default: throw new Error(`matMulBiasAct: unknown activation '${String(act)}'. Known: linear, relu, relu6, sigmoid, tanh, elu`);
  }
}
