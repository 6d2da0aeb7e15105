/**
 * Learning-rate schedules: a function of the optimizer step (iterations before the update),
 * computed in JS numbers. Formulas as Keras 3.
 */
export abstract class LearningRateSchedule {
  abstract call(step: number): number;
  abstract getConfig(): Record<string, unknown>;
}

export interface ExponentialDecayConfig { initialLearningRate: number; decaySteps: number; decayRate: number; staircase?: boolean }
/** lr0 * rate^(step / decaySteps), the exponent floored when staircase. */
export class ExponentialDecay extends LearningRateSchedule {
  constructor(readonly config: ExponentialDecayConfig) { super(); }
  call(step: number): number {
    const { initialLearningRate, decaySteps, decayRate, staircase } = this.config;
    const p = staircase ? Math.floor(step / decaySteps) : step / decaySteps;
    return initialLearningRate * decayRate ** p;
  }
  getConfig() { return { ...this.config }; }
}

export interface PiecewiseConstantDecayConfig { boundaries: number[]; values: number[] }
/** values[0] while step <= boundaries[0], values[i] while boundaries[i-1] < step <= boundaries[i], then the last. */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  constructor(readonly config: PiecewiseConstantDecayConfig) {
    super();
    if (config.values.length !== config.boundaries.length + 1) {
      throw new Error(`piecewiseConstantDecay: needs one more value than boundaries, got ${config.values.length} values for ${config.boundaries.length} boundaries.`);
    }
  }
  call(step: number): number {
    const { boundaries, values } = this.config;
    for (let i = 0; i < boundaries.length; i++) if (step <= boundaries[i]!) return values[i]!;
    return values[values.length - 1]!;
  }
  getConfig() { return { ...this.config }; }
}

export interface PolynomialDecayConfig { initialLearningRate: number; decaySteps: number; endLearningRate?: number; power?: number; cycle?: boolean }
export class PolynomialDecay extends LearningRateSchedule {
  constructor(readonly config: PolynomialDecayConfig) { super(); }
  call(step: number): number {
    const { initialLearningRate: lr0, endLearningRate: end = 0.0001, power = 1, cycle = false } = this.config;
    let decaySteps = this.config.decaySteps;
    let s = step;
    if (cycle) decaySteps *= step === 0 ? 1 : Math.ceil(step / decaySteps);
    else s = Math.min(step, decaySteps);
    return (lr0 - end) * (1 - s / decaySteps) ** power + end;
  }
  getConfig() { return { ...this.config }; }
}

export interface InverseTimeDecayConfig { initialLearningRate: number; decaySteps: number; decayRate: number; staircase?: boolean }
/** lr0 / (1 + rate * step / decaySteps). */
export class InverseTimeDecay extends LearningRateSchedule {
  constructor(readonly config: InverseTimeDecayConfig) { super(); }
  call(step: number): number {
    const { initialLearningRate, decaySteps, decayRate, staircase } = this.config;
    const p = staircase ? Math.floor(step / decaySteps) : step / decaySteps;
    return initialLearningRate / (1 + decayRate * p);
  }
  getConfig() { return { ...this.config }; }
}

export interface CosineDecayConfig {
  initialLearningRate: number; decaySteps: number; alpha?: number; warmupTarget?: number; warmupSteps?: number;
}
/** Optional linear warmup from lr0 to warmupTarget, then a cosine from there down to alpha * peak. */
export class CosineDecay extends LearningRateSchedule {
  constructor(readonly config: CosineDecayConfig) { super(); }
  call(step: number): number {
    const { initialLearningRate: lr0, decaySteps, alpha = 0, warmupTarget, warmupSteps = 0 } = this.config;
    if (warmupTarget !== undefined && step < warmupSteps) return lr0 + (warmupTarget - lr0) * (step / warmupSteps);
    const peak = warmupTarget ?? lr0;
    const s = Math.min(step - (warmupTarget !== undefined ? warmupSteps : 0), decaySteps);
    const cosine = 0.5 * (1 + Math.cos((Math.PI * s) / decaySteps));
    return peak * ((1 - alpha) * cosine + alpha);
  }
  getConfig() { return { ...this.config }; }
}

export interface CosineDecayRestartsConfig { initialLearningRate: number; firstDecaySteps: number; tMul?: number; mMul?: number; alpha?: number }
/** SGDR: cosine cycles whose length grows by tMul and height by mMul. */
export class CosineDecayRestarts extends LearningRateSchedule {
  constructor(readonly config: CosineDecayRestartsConfig) { super(); }
  call(step: number): number {
    const { initialLearningRate: lr0, firstDecaySteps, tMul = 2, mMul = 1, alpha = 0 } = this.config;
    let frac = step / firstDecaySteps;
    let restarts: number;
    if (tMul === 1) {
      restarts = Math.floor(frac);
      frac -= restarts;
    } else {
      restarts = Math.floor(Math.log(1 - frac * (1 - tMul)) / Math.log(tMul));
      const done = (1 - tMul ** restarts) / (1 - tMul);
      frac = (frac - done) / tMul ** restarts;
    }
    const cosine = 0.5 * mMul ** restarts * (1 + Math.cos(Math.PI * frac));
    return lr0 * ((1 - alpha) * cosine + alpha);
  }
  getConfig() { return { ...this.config }; }
}

/** A plain number or a schedule, as optimizers accept. */
export type LearningRate = number | LearningRateSchedule;
