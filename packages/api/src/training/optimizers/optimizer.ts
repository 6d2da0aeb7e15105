import { keep, tidy } from '../../engine/scope';
import { scalar, zerosLike } from '../../tensor/create';
import { cast } from '../../ops/convert';
import type { Tensor } from '../../tensor/tensor';
import { liveTrainableVariables, Variable } from '../../tensor/variable';
import { mul, sub } from '../../ops/elementwise';
import { clone } from '../../ops/movement';
import { fmtShape, shapesEqual } from '../../util/shape';
import type { LearningRate } from '../schedules/schedules';
import { LearningRateSchedule } from '../schedules/schedules';
import { clipGradients, type ClipOptions } from './clipping';

export interface OptimizerOptions extends ClipOptions {
  learningRate?: LearningRate;
  /** Decoupled weight decay: w -= lr * weightDecay * w before each update (Keras 3). */
  weightDecay?: number;
}

export type GradientList = Array<[Tensor, Variable]> | Record<string, Tensor>;

/**
 * Base optimizer. Subclasses name their per-variable slots and write one update rule; the
 * base does clipping, weight decay, the learning-rate schedule, the step counter and the
 * slot Variables, which it owns and frees on dispose().
 */
export abstract class Optimizer {
  abstract readonly name: string;
  learningRate: LearningRate;
  readonly options: OptimizerOptions;
  /** Completed update steps. */
  iterations = 0;
  private readonly slots = new Map<Variable, Variable[]>();

  constructor(options: OptimizerOptions, defaultLearningRate: number) {
    this.options = options;
    this.learningRate = options.learningRate ?? defaultLearningRate;
  }

  /** Per-variable slot names, in the order getWeights() lists them. */
  protected abstract slotNames(): string[];
  /** Initial value of a slot (zeros unless overridden). */
  protected initialSlot(_slot: string, v: Variable): Tensor {
    return zerosLike(v);
  }
  /** Write the new variable value and slots for one step (inside tidy; `step` counts from 1). */
  protected abstract update(v: Variable, g: Tensor, slots: Variable[], lr: number, step: number): void;
  /** Scalar state besides iterations (e.g. Nadam's momentum product), saved with getWeights. */
  protected extraState(): number[] { return []; }
  protected setExtraState(_values: number[]): void {}
  /** Called once per step before the per-variable updates. */
  protected beginStep(_step: number): void {}

  /** The learning rate used by the next step. */
  currentLearningRate(): number {
    return this.learningRate instanceof LearningRateSchedule ? this.learningRate.call(this.iterations) : this.learningRate;
  }

  /** Create the slots for these variables now (setWeights on a fresh optimizer needs them). */
  build(vars: Variable[]): void {
    for (const v of vars) this.slotsFor(v);
  }

  private slotsFor(v: Variable): Variable[] {
    let s = this.slots.get(v);
    if (!s) {
      s = this.slotNames().map((n) => tidy(() => new Variable(this.initialSlot(n, v), false, `${v.name}/${this.name}_${n}`, 'float32')));
      this.slots.set(v, s);
    }
    return s;
  }

  /** One update step from (gradient, variable) pairs, or a map of gradients by variable name. */
  applyGradients(grads: GradientList, varList?: Variable[]): void {
    const pairs = toPairs(grads, varList);
    tidy(() => {
      const clipped = clipGradients(pairs.map(([g]) => g), this.options);
      const lr = this.currentLearningRate();
      const step = this.iterations + 1;
      this.beginStep(step);
      const wd = this.options.weightDecay;
      pairs.forEach(([, v], i) => {
        const slots = this.slotsFor(v);
        if (wd) v.assign(sub(v, mul(v, lr * wd)));
        this.update(v, clipped[i]!, slots, lr, step);
      });
    });
    this.iterations++;
  }

  /** [iterations, ...extra state, ...slots in variable order]: fresh tensors the caller owns. */
  getWeights(): Tensor[] {
    const out: Tensor[] = [keep(scalar(this.iterations)), ...this.extraState().map((x) => keep(scalar(x)))];
    for (const s of this.slots.values()) for (const v of s) out.push(keep(clone(v)));
    return out;
  }

  setWeights(weights: Tensor[]): void {
    const extra = this.extraState().length;
    const slotVars = [...this.slots.values()].flat();
    if (weights.length !== 1 + extra + slotVars.length) {
      throw new Error(
        `${this.name}.setWeights: expected ${1 + extra + slotVars.length} tensors (iterations, ${extra} scalar state, ${slotVars.length} slots), got ${weights.length}. ` +
          'Call build(variables) or apply one step first so the slots exist.',
      );
    }
    slotVars.forEach((v, i) => {
      const w = weights[1 + extra + i]!;
      if (!shapesEqual(w.shape, v.shape)) throw new Error(`${this.name}.setWeights: slot '${v.name}' needs shape ${fmtShape(v.shape)}, got ${fmtShape(w.shape)}.`);
    });
    this.iterations = weights[0]!.scalarValue();
    this.setExtraState(weights.slice(1, 1 + extra).map((w) => w.scalarValue()));
    slotVars.forEach((v, i) => tidy(() => v.assign(cast(weights[1 + extra + i]!, 'float32'))));
  }

  getConfig(): Record<string, unknown> {
    const lr = this.learningRate instanceof LearningRateSchedule ? this.learningRate.getConfig() : this.learningRate;
    return { ...this.options, learningRate: lr };
  }

  /** Free the slot variables. */
  dispose(): void {
    for (const s of this.slots.values()) for (const v of s) v.dispose();
    this.slots.clear();
  }
}

function toPairs(grads: GradientList, varList?: Variable[]): Array<[Tensor, Variable]> {
  if (Array.isArray(grads)) return grads;
  const vars = varList ?? [...liveTrainableVariables()];
  const byName = new Map(vars.map((v) => [v.name, v]));
  return Object.entries(grads).map(([name, g]) => {
    const v = byName.get(name);
    if (!v) throw new Error(`applyGradients: no trainable variable named '${name}'. Pass [gradient, variable] pairs or the variable list.`);
    return [g, v];
  });
}
