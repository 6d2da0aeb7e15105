import { z } from 'zod';
import type { DType } from '../../backend/types';
import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { zeros } from '../../tensor/create';
import { add } from '../../ops/elementwise';
import { matMul } from '../../ops/linalg';
import { reshape, stack, unstack } from '../../ops/movement';
import { fmtShape } from '../../util/shape';
import { Layer, baseLayerSchema, isShapeList, type CallArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import {
  activationOpt, constraintOpt, initializerOpt, posInt, regularizerOpt, resolveActivation, resolveConstraint, resolveInit,
  resolveReg, ser,
} from '../base/schemas';
import type { Activation } from '../../activations';
import type { Initializer } from '../../initializers';
import type { Regularizer } from '../../regularizers';
import type { Constraint } from '../../constraints';

/** Options shared by simpleRNN, lstm and gru (tfjs-layers names). */
export const recurrentSchema = baseLayerSchema.extend({
  units: posInt,
  activation: activationOpt,
  useBias: z.boolean().optional(),
  kernelInitializer: initializerOpt,
  recurrentInitializer: initializerOpt,
  biasInitializer: initializerOpt,
  kernelRegularizer: regularizerOpt,
  recurrentRegularizer: regularizerOpt,
  biasRegularizer: regularizerOpt,
  kernelConstraint: constraintOpt,
  recurrentConstraint: constraintOpt,
  biasConstraint: constraintOpt,
  returnSequences: z.boolean().optional(),
  returnState: z.boolean().optional(),
  goBackwards: z.boolean().optional(),
  // dropout inside the recurrence is not implemented: only 0 is accepted
  dropout: z.literal(0).optional(),
  recurrentDropout: z.literal(0).optional(),
  unroll: z.boolean().optional(),
  inputDim: posInt.optional(),
  inputLength: posInt.optional(),
});
export type RecurrentArgs = z.input<typeof recurrentSchema>;

/**
 * The time loop shared by the RNN layers. The input projection x·W + b is done for all
 * steps at once; `step` adds the recurrent part. Inputs: x [batch, time, features], or
 * [x, ...initialStates].
 */
export abstract class RecurrentBase extends Layer {
  /** Blocks of `units` in the kernels: 1 (SimpleRNN), 4 (LSTM: i f c o), 3 (GRU: z r h). */
  protected abstract readonly gates: number;
  protected abstract readonly stateCount: number;
  readonly units: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer; readonly recurrentInitializer: Initializer; readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null; readonly recurrentRegularizer: Regularizer | null; readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null; readonly recurrentConstraint: Constraint | null; readonly biasConstraint: Constraint | null;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  kernel!: Variable;
  recurrentKernel!: Variable;
  bias: Variable | null = null;

  constructor(c: z.output<typeof recurrentSchema>) {
    const shape = c.inputShape ?? (c.inputDim ? [c.inputLength ?? null, c.inputDim] : undefined);
    super({ ...c, inputShape: shape });
    const w = this.desc;
    this.units = c.units;
    this.activation = resolveActivation(c.activation, w, 'tanh');
    this.useBias = c.useBias ?? true;
    this.kernelInitializer = resolveInit(c.kernelInitializer, 'glorotUniform', w);
    this.recurrentInitializer = resolveInit(c.recurrentInitializer, 'orthogonal', w);
    this.biasInitializer = resolveInit(c.biasInitializer, 'zeros', w);
    this.kernelRegularizer = resolveReg(c.kernelRegularizer, w);
    this.recurrentRegularizer = resolveReg(c.recurrentRegularizer, w);
    this.biasRegularizer = resolveReg(c.biasRegularizer, w);
    this.kernelConstraint = resolveConstraint(c.kernelConstraint, w);
    this.recurrentConstraint = resolveConstraint(c.recurrentConstraint, w);
    this.biasConstraint = resolveConstraint(c.biasConstraint, w);
    this.returnSequences = c.returnSequences ?? false;
    this.returnState = c.returnState ?? false;
    this.goBackwards = c.goBackwards ?? false;
    this.inputSpec = [{ ndim: 3 }];
  }

  private xShape(s: SymShape | SymShape[]): SymShape {
    return isShapeList(s) ? s[0]! : s;
  }

  override build(inputShape: SymShape | SymShape[]): void {
    const s = this.xShape(inputShape);
    const inDim = s[2];
    if (s.length !== 3 || inDim === null || inDim === undefined) throw new Error(`expects input [batch, time, features] with known features, got ${fmtShape(s)}.`);
    const g = this.gates * this.units;
    this.kernel = this.addWeight('kernel', [inDim, g], 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, g], 'float32', this.recurrentInitializer, this.recurrentRegularizer, true, this.recurrentConstraint);
    if (this.useBias) this.bias = this.addWeight('bias', this.biasShape(), 'float32', this.biasInitializerFor(), this.biasRegularizer, true, this.biasConstraint);
    this.inputSpec = [{ ndim: 3, axes: { 2: inDim } }];
  }

  protected biasShape(): number[] {
    return [this.gates * this.units];
  }

  protected biasInitializerFor(): Initializer {
    return this.biasInitializer;
  }

  /** The input-side bias added to x·W (GRU with resetAfter uses only its first row). */
  protected inputBias(): Tensor | null {
    return this.bias;
  }

  /** One time step: xw = x_t·W + b for this step; returns the new states (states[0] is the output h). */
  protected abstract step(xw: Tensor, states: Tensor[]): Tensor[];

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor | Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const x = list[0]!.cast('float32');
    const [b, t, f] = x.shape as [number, number, number];
    let states = list.length > 1 ? list.slice(1) : Array.from({ length: this.stateCount }, () => zeros([b, this.units]));
    if (states.length !== this.stateCount) throw new Error(`${this.desc} takes ${this.stateCount} initial state(s), got ${states.length}.`);
    let xw = matMul(reshape(x, [b * t, f]), this.kernel);
    const ib = this.inputBias();
    if (ib) xw = add(xw, ib);
    const steps = unstack(reshape(xw, [b, t, this.gates * this.units]), 1);
    if (this.goBackwards) steps.reverse();
    const outputs: Tensor[] = [];
    for (const s of steps) {
      states = this.step(s, states);
      outputs.push(states[0]!);
    }
    const y = this.returnSequences ? stack(outputs, 1) : outputs[outputs.length - 1]!;
    return this.returnState ? [y, ...states] : y;
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const s = this.xShape(inputShape);
    const y: SymShape = this.returnSequences ? [s[0]!, s[1]!, this.units] : [s[0]!, this.units];
    return this.returnState ? [y, ...Array.from({ length: this.stateCount }, () => [s[0]!, this.units])] : y;
  }

  override computeOutputDtype(_d: DType[]): DType {
    return 'float32';
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(), units: this.units, activation: ser.activation(this.activation), useBias: this.useBias,
      kernelInitializer: ser.init(this.kernelInitializer), recurrentInitializer: ser.init(this.recurrentInitializer),
      biasInitializer: ser.init(this.biasInitializer), kernelRegularizer: ser.reg(this.kernelRegularizer),
      recurrentRegularizer: ser.reg(this.recurrentRegularizer), biasRegularizer: ser.reg(this.biasRegularizer),
      kernelConstraint: ser.constraint(this.kernelConstraint), recurrentConstraint: ser.constraint(this.recurrentConstraint),
      biasConstraint: ser.constraint(this.biasConstraint), returnSequences: this.returnSequences, returnState: this.returnState,
      goBackwards: this.goBackwards,
    };
  }
}
