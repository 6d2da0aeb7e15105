import '@lamina/backend-cpu';
import { memory, tensor, variable, tidy } from '../../index';
import type { Optimizer } from './optimizer';
import * as O from './index';

/** Plain-number reference: state per element, one update per call. */
type Ref = (w: number, g: number, s: Record<string, number>, lr: number, t: number) => number;

const W0 = [0.5, -1.5, 2];
const grads = (t: number): number[] => [0.1 * t, -0.3, 0.7 / t];

function runOpt(opt: Optimizer, steps: number): number[] {
  const w = variable(W0);
  for (let t = 1; t <= steps; t++) tidy(() => opt.applyGradients([[tensor(grads(t)), w]]));
  const out = Array.from(w.dataSync());
  w.dispose();
  opt.dispose();
  return out;
}

function runRef(ref: Ref, steps: number, lr: (t: number) => number, init: Record<string, number> = {}): number[] {
  return W0.map((w0, i) => {
    let w = w0;
    const s = { ...init };
    for (let t = 1; t <= steps; t++) w = ref(w, grads(t)[i]!, s, lr(t), t);
    return w;
  });
}

const close = (a: number[], b: number[]): void => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
const lr = (x: number) => () => x;

describe('optimizers match Keras 3 formulas over 3 steps', () => {
  test('sgd plain, momentum, nesterov', () => {
    close(runOpt(O.sgd(0.1), 3), runRef((w, g, _s, a) => w - a * g, 3, lr(0.1)));
    const mom = (nesterov: boolean): Ref => (w, g, s, a) => {
      s.m = 0.9 * (s.m ?? 0) - a * g;
      return nesterov ? w + 0.9 * s.m - a * g : w + s.m;
    };
    close(runOpt(new O.SGD({ learningRate: 0.1, momentum: 0.9 }), 3), runRef(mom(false), 3, lr(0.1)));
    close(runOpt(new O.SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), 3), runRef(mom(true), 3, lr(0.1)));
  });

  test('adam, amsgrad, adamw', () => {
    const adam = (ams: boolean, wd = 0): Ref => (w, g, s, a, t) => {
      w -= w * a * wd;
      s.m = (s.m ?? 0) + (g - (s.m ?? 0)) * 0.1;
      s.v = (s.v ?? 0) + (g * g - (s.v ?? 0)) * 0.001;
      s.vh = Math.max(s.vh ?? 0, s.v);
      const alpha = (a * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      return w - (s.m * alpha) / (Math.sqrt(ams ? s.vh : s.v) + 1e-7);
    };
    close(runOpt(O.adam(0.1), 3), runRef(adam(false), 3, lr(0.1)));
    close(runOpt(new O.Adam({ learningRate: 0.1, amsgrad: true }), 3), runRef(adam(true), 3, lr(0.1)));
    close(runOpt(O.adamw(0.1), 3), runRef(adam(false, 0.004), 3, lr(0.1)));
  });

  test('adamax, nadam', () => {
    close(runOpt(O.adamax(0.1), 3), runRef((w, g, s, a, t) => {
      s.m = (s.m ?? 0) + (g - (s.m ?? 0)) * 0.1;
      s.u = Math.max(0.999 * (s.u ?? 0), Math.abs(g));
      return w - (a * s.m) / ((1 - 0.9 ** t) * (s.u + 1e-7));
    }, 3, lr(0.1)));
    close(runOpt(O.nadam(0.1), 3), runRef((w, g, s, a, t) => {
      const ut = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * t));
      const ut1 = 0.9 * (1 - 0.5 * 0.96 ** (0.004 * (t + 1)));
      s.p = (s.p ?? 1) * ut;
      const p1 = s.p * ut1;
      s.m = (s.m ?? 0) + (g - (s.m ?? 0)) * 0.1;
      s.v = (s.v ?? 0) + (g * g - (s.v ?? 0)) * 0.001;
      const mh = (ut1 * s.m) / (1 - p1) + ((1 - ut) * g) / (1 - s.p);
      const vh = s.v / (1 - 0.999 ** t);
      return w - (a * mh) / (Math.sqrt(vh) + 1e-7);
    }, 3, lr(0.1)));
  });

  test('rmsprop plain, momentum, centered', () => {
    const rms = (mom: number, centered: boolean): Ref => (w, g, s, a) => {
      s.v = 0.9 * (s.v ?? 0) + 0.1 * g * g;
      s.mg = 0.9 * (s.mg ?? 0) + 0.1 * g;
      const inc = (a * g) / Math.sqrt(s.v + 1e-7 - (centered ? s.mg * s.mg : 0));
      if (mom > 0) {
        s.mom = mom * (s.mom ?? 0) + inc;
        return w - s.mom;
      }
      return w - inc;
    };
    close(runOpt(O.rmsprop(0.01), 3), runRef(rms(0, false), 3, lr(0.01)));
    close(runOpt(new O.RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true }), 3), runRef(rms(0.5, true), 3, lr(0.01)));
  });

  test('adagrad, adadelta, lion', () => {
    close(runOpt(O.adagrad(0.1), 3), runRef((w, g, s, a) => {
      s.acc = (s.acc ?? 0.1) + g * g;
      return w - (a * g) / Math.sqrt(s.acc + 1e-7);
    }, 3, lr(0.1)));
    close(runOpt(O.adadelta(1), 3), runRef((w, g, s, a) => {
      s.eg = 0.95 * (s.eg ?? 0) + 0.05 * g * g;
      const d = (-g * Math.sqrt((s.ed ?? 0) + 1e-7)) / Math.sqrt(s.eg + 1e-7);
      s.ed = 0.95 * (s.ed ?? 0) + 0.05 * d * d;
      return w + a * d;
    }, 3, lr(1)));
    close(runOpt(O.lion(0.1), 3), runRef((w, g, s, a) => {
      const m = s.m ?? 0;
      const nw = w - a * Math.sign(0.9 * m + 0.1 * g);
      s.m = 0.99 * m + 0.01 * g;
      return nw;
    }, 3, lr(0.1)));
  });

  test('clipnorm, clipvalue, globalClipnorm, weightDecay', () => {
    const n = (t: number) => Math.hypot(...grads(t));
    const byNorm: Ref = (w, g, _s, a, t) => w - a * g * (0.2 / Math.max(n(t), 0.2));
    close(runOpt(new O.SGD({ learningRate: 0.1, clipnorm: 0.2 }), 3), runRef(byNorm, 3, lr(0.1)));
    close(runOpt(new O.SGD({ learningRate: 0.1, globalClipnorm: 0.2 }), 3), runRef(byNorm, 3, lr(0.1)));
    close(runOpt(new O.SGD({ learningRate: 0.1, clipvalue: 0.25 }), 3),
      runRef((w, g, _s, a) => w - a * Math.min(Math.max(g, -0.25), 0.25), 3, lr(0.1)));
    close(runOpt(new O.SGD({ learningRate: 0.1, weightDecay: 0.5 }), 3), runRef((w, g, _s, a) => w - w * a * 0.5 - a * g, 3, lr(0.1)));
  });

  test('a schedule in place of the learning rate is read at the pre-update step', () => {
    const sched = O.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
    close(runOpt(O.sgd(sched), 3), runRef((w, g, _s, a) => w - a * g, 3, (t) => 0.1 * 0.5 ** (t - 1)));
  });

  test('getWeights/setWeights restore iterations and slots; dispose frees slots', () => {
    const before = memory().numTensors;
    const w = variable(W0);
    const a = O.adam(0.1);
    tidy(() => a.applyGradients([[tensor(grads(1)), w]]));
    const saved = a.getWeights();
    expect(saved.length).toBe(3);
    expect(saved[0]!.scalarValue()).toBe(1);
    tidy(() => a.applyGradients([[tensor(grads(2)), w]]));
    const wAfter2 = Array.from(w.dataSync());
    // restore state and weights, replay step 2: same result
    const b = O.adam(0.1);
    const w2 = variable(W0);
    tidy(() => b.applyGradients([[tensor(grads(1)), w2]]));
    b.setWeights(saved);
    tidy(() => b.applyGradients([[tensor(grads(2)), w2]]));
    close(Array.from(w2.dataSync()), wAfter2);
    expect(b.iterations).toBe(2);
    for (const t of saved) t.dispose();
    a.dispose(); b.dispose(); w.dispose(); w2.dispose();
    expect(memory().numTensors).toBe(before);
    expect(memory().numDataHandles).toBe(memory().numTensors);
  });

  test('unknown optimizer names list the known ones', () => {
    expect(O.getOptimizerFrom('Adam').name).toBe('Adam');
    expect(() => O.getOptimizerFrom('adem')).toThrow(/Unknown optimizer 'adem'.*sgd, adam, adamw/);
  });
});

describe('learning-rate schedules (Keras 3 formulas)', () => {
  test('values at chosen steps', () => {
    expect(O.exponentialDecay({ initialLearningRate: 1, decaySteps: 10, decayRate: 0.5, staircase: true }).call(15)).toBeCloseTo(0.5);
    expect(O.exponentialDecay({ initialLearningRate: 1, decaySteps: 10, decayRate: 0.5 }).call(15)).toBeCloseTo(0.5 ** 1.5);
    const pw = O.piecewiseConstantDecay({ boundaries: [10, 20], values: [1, 0.5, 0.1] });
    expect([pw.call(0), pw.call(10), pw.call(11), pw.call(20), pw.call(21)]).toEqual([1, 1, 0.5, 0.5, 0.1]);
    expect(O.polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, power: 2 }).call(5)).toBeCloseTo(0.25);
    expect(O.polynomialDecay({ initialLearningRate: 1, decaySteps: 10 }).call(50)).toBeCloseTo(0.0001);
    expect(O.polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, cycle: true }).call(15)).toBeCloseTo(0.25);
    expect(O.inverseTimeDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }).call(2)).toBeCloseTo(0.5);
    const cd = O.cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 1, warmupSteps: 5, alpha: 0.1 });
    expect(cd.call(2)).toBeCloseTo(0.4);
    expect(cd.call(5)).toBeCloseTo(1);
    expect(cd.call(10)).toBeCloseTo(0.9 * 0.5 + 0.1);
    expect(cd.call(100)).toBeCloseTo(0.1);
    const r = O.cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 2, mMul: 0.5 });
    expect(r.call(5)).toBeCloseTo(0.5);
    // second cycle spans steps 10..30 at half height
    expect(r.call(10)).toBeCloseTo(0.5);
    expect(r.call(20)).toBeCloseTo(0.25);
  });
});
