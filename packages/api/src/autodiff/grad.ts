import { ENGINE } from '../engine/engine';
import { tidy } from '../engine/scope';
import { Tensor } from '../tensor/tensor';
import { onesLike } from '../tensor/create';
import { liveTrainableVariables, type Variable } from '../tensor/variable';
import { clone } from '../ops/movement';
import { fmtShape, shapesEqual } from '../util/shape';
import { backward } from './backward';
import { Tape } from './tape';

/**
 * Run f under a new tape watching `sources`, then backpropagate from its result.
 * Everything f created is freed afterwards except the value and the gradients.
 */
function runWithTape(
  where: string, sources: Tensor[], f: () => Tensor, dy?: Tensor,
): { value: Tensor; grads: Tensor[] } {
  for (const s of sources) s.assertAlive(where);
  const tape = new Tape();
  for (const s of sources) tape.watch(s);
  ENGINE.tapes.push(tape);
  let out: { value: Tensor; grads: Tensor[] } | undefined;
  try {
    out = tidy(() => {
      const value = f();
      if (!(value instanceof Tensor)) throw new Error(`${where}: the function must return a Tensor, got ${typeof value}.`);
      tape.recording = false;
      if (dy && !shapesEqual(dy.shape, value.shape)) {
        throw new Error(`${where}: dy has shape ${fmtShape(dy.shape)} but the function's result has shape ${fmtShape(value.shape)}.`);
      }
      if (!dy && value.size !== 1) {
        throw new Error(`${where}: the function must return a scalar (got shape ${fmtShape(value.shape)}); pass dy to differentiate a non-scalar.`);
      }
      const seed = dy ?? onesLike(value);
      const grads = backward(tape, value, seed, sources).map((g) => (g === seed && seed === dy ? clone(g) : g));
      return { value, grads };
    });
  } finally {
    ENGINE.tapes.splice(ENGINE.tapes.indexOf(tape), 1);
    tape.release();
  }
  return out;
}

/** f(x) -> df/dx. */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => Tensor {
  return (x, dy) => {
    const { value, grads } = runWithTape('grad', [x], () => f(x), dy);
    value.dispose();
    return grads[0]!;
  };
}

/** f(...xs) -> [df/dx_i]. */
export function grads(f: (...xs: Tensor[]) => Tensor): (xs: Tensor[], dy?: Tensor) => Tensor[] {
  return (xs, dy) => {
    const { value, grads: g } = runWithTape('grads', xs, () => f(...xs), dy);
    value.dispose();
    return g;
  };
}

export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  return (x, dy) => {
    const { value, grads: g } = runWithTape('valueAndGrad', [x], () => f(x), dy);
    return { value, grad: g[0]! };
  };
}

export function valueAndGrads(f: (...xs: Tensor[]) => Tensor): (xs: Tensor[], dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  return (xs, dy) => runWithTape('valueAndGrads', xs, () => f(...xs), dy);
}

/**
 * Gradient of a scalar f() with respect to variables (all trainable ones f reads, when
 * varList is omitted, are found by watching every trainable variable that f touches).
 */
export function variableGrads(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: Record<string, Tensor> } {
  const vars = varList ?? [...liveTrainableVariables()];
  const { value, grads: g } = runWithTape('variableGrads', vars, f);
  const named: Record<string, Tensor> = {};
  vars.forEach((v, i) => {
    if (named[v.name]) throw new Error(`variableGrads: two variables are named '${v.name}'; variable names must be unique.`);
    named[v.name] = g[i]!;
  });
  return { value, grads: named };
}


export type CustomGradFn = (...args: Tensor[]) => {
  value: Tensor;
  gradFunc: (dy: Tensor, saved: Tensor[]) => Tensor | Tensor[];
};

/** A function with a hand-written gradient; gradFunc gets dy and the inputs. */
export function customGrad(f: CustomGradFn): (...args: Tensor[]) => Tensor {
  return (...args) => {
    const active = ENGINE.tapes.filter((t) => t.recording);
    for (const t of active) t.recording = false;
    let result: ReturnType<CustomGradFn>;
    let value: Tensor;
    try {
      result = f(...args);
      value = clone(result.value);
    } finally {
      for (const t of active) t.recording = true;
    }
    for (const t of active) {
      t.record('customGrad', args, value, null, (dy, inputs) => {
        const g = result.gradFunc(dy, inputs);
        const list = Array.isArray(g) ? g : [g];
        if (list.length !== inputs.length) {
          throw new Error(`customGrad: gradFunc returned ${list.length} gradients for ${inputs.length} inputs.`);
        }
        return list;
      });
    }
    if (!args.includes(result.value)) result.value.dispose();
    return value;
  };
}
