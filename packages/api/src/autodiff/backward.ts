import { ENGINE } from '../engine/engine';
import { tidy } from '../engine/scope';
import type { Tensor } from '../tensor/tensor';
import { add } from '../ops/elementwise';
import { cast } from '../ops/convert';
import { reshape } from '../ops/movement';
import { sum } from '../ops/reduce';
import { fmtShape, shapesEqual } from '../util/shape';
import { zerosLike } from '../tensor/create';
import { GRADIENTS, type GradRule } from './gradients';
import type { Tape } from './tape';
import type { KernelName } from '../backend/kernels';

/** Undo broadcasting: sum `g` down to `shape`. The one place this happens, for every op. */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  return reshape(sum(g, axes), shape);
}

/**
 * Walk the tape backwards from y (seeded with dy) and return the gradient of each source
 * (zeros where y does not depend on it). Runs inside tidy: only the results survive.
 */
export function backward(tape: Tape, y: Tensor, dy: Tensor, sources: Tensor[]): Tensor[] {
  ENGINE.backwardDepth++;
  try {
    return backwardInScope(tape, y, dy, sources);
  } finally {
    ENGINE.backwardDepth--;
  }
}

function backwardInScope(tape: Tape, y: Tensor, dy: Tensor, sources: Tensor[]): Tensor[] {
  return tidy(() => {
    const grads = new Map<number, Tensor>();
    grads.set(y.id, dy);
    for (let n = tape.nodes.length - 1; n >= 0; n--) {
      const node = tape.nodes[n]!;
      const g = grads.get(node.output.id);
      if (!g) continue;
      const rule = (node.custom ?? GRADIENTS[node.kernel as KernelName]) as GradRule<KernelName>;
      const inputGrads = rule(g, node.inputs, node.output, node.attrs as never);
      node.inputs.forEach((x, i) => {
        let gi = inputGrads[i];
        if (!gi || !tape.isWatched(x)) return;
        gi = sumToShape(gi, x.shape);
        if (!shapesEqual(gi.shape, x.shape)) {
          throw new Error(`Gradient of '${node.kernel}' has shape ${fmtShape(gi.shape)} for an input of shape ${fmtShape(x.shape)}.`);
        }
        if (gi.dtype !== x.dtype && x.dtype === 'float32') gi = cast(gi, 'float32');
        const prev = grads.get(x.id);
        grads.set(x.id, prev ? add(prev, gi) : gi);
      });
    }
    return sources.map((s) => grads.get(s.id) ?? zerosLike(s));
  });
}
