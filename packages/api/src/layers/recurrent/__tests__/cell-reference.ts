/**
 * Plain-JS recurrent cells (no Lamina ops), written from the published equations, so the
 * layers are checked against an independent computation. Weights are flat row-major arrays
 * in getWeights order.
 */
export const hardSigmoid = (v: number): number => Math.min(1, Math.max(0, 0.2 * v + 0.5));
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
export const acts = { tanh: Math.tanh, hardSigmoid, sigmoid, linear: (v: number) => v };

/** v [rows] · M [rows, cols] -> [cols]. */
export function vecMat(v: number[], m: number[], cols: number): number[] {
  const out = new Array<number>(cols).fill(0);
  v.forEach((vi, i) => {
    for (let j = 0; j < cols; j++) out[j]! += vi * m[i * cols + j]!;
  });
  return out;
}
const addv = (...vs: number[][]): number[] => vs[0]!.map((_, i) => vs.reduce((s, v) => s + v[i]!, 0));
const block = (v: number[], k: number, u: number): number[] => v.slice(k * u, (k + 1) * u);

export type Step = (xt: number[], states: number[][]) => number[][];

export function simpleStep(w: number[][], units: number, act = Math.tanh): Step {
  const [W, U, b] = w as [number[], number[], number[] | undefined];
  return (xt, [h]) => [addv(vecMat(xt, W, units), vecMat(h!, U, units), b ?? new Array(units).fill(0)).map(act)];
}

export function lstmStep(w: number[][], u: number, rec = hardSigmoid, act = Math.tanh): Step {
  const [W, U, b] = w as [number[], number[], number[]];
  return (xt, [h, c]) => {
    const z = addv(vecMat(xt, W, 4 * u), vecMat(h!, U, 4 * u), b);
    const i = block(z, 0, u).map(rec), f = block(z, 1, u).map(rec), g = block(z, 2, u).map(act), o = block(z, 3, u).map(rec);
    const c2 = c!.map((cv, k) => f[k]! * cv + i[k]! * g[k]!);
    return [c2.map((cv, k) => o[k]! * act(cv)), c2];
  };
}

/** resetAfter false: hh = act(xh + (r*h)·Uh); true: hh = act(xh + r*(h·Uh + bh)), bias [2, 3u]. */
export function gruStep(w: number[][], u: number, resetAfter: boolean, rec = hardSigmoid, act = Math.tanh): Step {
  const [W, U, b] = w as [number[], number[], number[]];
  const bIn = resetAfter ? b.slice(0, 3 * u) : b;
  const bRec = resetAfter ? b.slice(3 * u) : null;
  // U [u, 3u] split into columns [0, 2u) and [2u, 3u)
  const cols = (from: number, n: number): number[] => Array.from({ length: u * n }, (_, k) => U[Math.floor(k / n) * 3 * u + from + (k % n)]!);
  return (xt, [h]) => {
    const x = addv(vecMat(xt, W, 3 * u), bIn);
    let z: number[], hh: number[];
    if (bRec) {
      const inner = addv(vecMat(h!, U, 3 * u), bRec);
      z = addv(block(x, 0, u), block(inner, 0, u)).map(rec);
      const r = addv(block(x, 1, u), block(inner, 1, u)).map(rec);
      hh = block(x, 2, u).map((xv, k) => act(xv + r[k]! * inner[2 * u + k]!));
    } else {
      const zr = vecMat(h!, cols(0, 2 * u), 2 * u);
      z = addv(block(x, 0, u), block(zr, 0, u)).map(rec);
      const r = addv(block(x, 1, u), block(zr, 1, u)).map(rec);
      const rh = vecMat(r.map((rv, k) => rv * h![k]!), cols(2 * u, u), u);
      hh = addv(block(x, 2, u), rh).map(act);
    }
    return [z.map((zv, k) => zv * h![k]! + (1 - zv) * hh[k]!)];
  };
}

export interface RefRun {
  /** [batch, time, units] in processing order (reversed time when goBackwards). */
  sequence: number[];
  last: number[];
  /** Final states, each flat [batch, size]. */
  states: number[][];
}

/** Run `step` over x [batch, time, features] from zero states of the given sizes. */
export function runRef(x: number[], [batch, time, features]: number[], step: Step, stateSizes: number[], goBackwards = false): RefRun {
  const sequence: number[] = [];
  const last: number[] = [];
  const finals: number[][] = stateSizes.map(() => []);
  const perSample: number[][][] = [];
  for (let s = 0; s < batch!; s++) {
    let states = stateSizes.map((n) => new Array<number>(n).fill(0));
    const outs: number[][] = [];
    for (let k = 0; k < time!; k++) {
      const t = goBackwards ? time! - 1 - k : k;
      const start = (s * time! + t) * features!;
      states = step(x.slice(start, start + features!), states);
      outs.push(states[0]!);
    }
    perSample.push(outs);
    last.push(...states[0]!);
    states.forEach((st, i) => finals[i]!.push(...st));
  }
  perSample.forEach((outs) => outs.forEach((o) => sequence.push(...o)));
  return { sequence, last, states: finals };
}
