import type { Tensor } from '../../tensor/tensor';
import type { Variable } from '../../tensor/variable';
import { Layer, isShapeList, type CallArgs, type LayerArgs } from '../base/layer';
import type { SymShape } from '../base/symbolic';
import type { ResolvedCellOptions } from './cell-options';

/**
 * One time step of a recurrent layer. The work is split in two so the RNN layer can do the
 * state-independent part (x·W + b) for all steps in one matMul:
 *   projectInputs(x)              x [rows, features] -> [rows, projectedSize]
 *   step(xProj, states, recMask)  -> the new states; states[0] is the step's output.
 * Called alone (`cell.apply([x, ...states])`) a cell returns [output, ...newStates].
 */
export abstract class RNNCell extends Layer {
  /** Size of each state; stateSize[0] is the output size. */
  abstract readonly stateSize: number[];
  readonly opts: ResolvedCellOptions;
  kernel!: Variable;
  recurrentKernel!: Variable;
  bias: Variable | null = null;

  constructor(base: LayerArgs, opts: ResolvedCellOptions) {
    super(base);
    this.opts = opts;
  }

  get units(): number {
    return this.opts.units;
  }

  /** The [batch, features] shape whether built alone (with the state shapes) or by an RNN. */
  protected stepInputShape(inputShape: SymShape | SymShape[]): SymShape {
    const s = isShapeList(inputShape) ? inputShape[0]! : inputShape;
    if (s.length !== 2) throw new Error(`a cell step takes inputs of shape [batch, features], got [${s.map(String)}].`);
    if (s[1] === null || s[1] === undefined) throw new Error(`the feature axis of the input must be known, got [${s.map(String)}].`);
    return s;
  }

  /** Create kernel [features, gates*units], recurrent_kernel [units, gates*units] and the bias. */
  protected addCellWeights(features: number, gates: number, biasShape: number[], biasInit = this.opts.biasInitializer): void {
    const o = this.opts;
    const width = gates * o.units;
    this.kernel = this.addWeight('kernel', [features, width], 'float32', o.kernelInitializer, o.kernelRegularizer, true, o.kernelConstraint);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [o.units, width], 'float32', o.recurrentInitializer, o.recurrentRegularizer, true, o.recurrentConstraint);
    if (o.useBias) this.bias = this.addWeight('bias', biasShape, 'float32', biasInit, o.biasRegularizer, true, o.biasConstraint);
  }

  abstract projectInputs(x: Tensor): Tensor;
  abstract step(xProj: Tensor, states: Tensor[], recurrentMask: Tensor | null): Tensor[];

  call(inputs: Tensor | Tensor[], _kwargs: CallArgs): Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length !== 1 + this.stateSize.length) {
      throw new Error(`${this.desc} takes [input, ${this.stateSize.map((_, i) => `state${i}`).join(', ')}], got ${list.length} tensors.`);
    }
    const states = this.step(this.projectInputs(list[0]!.cast('float32')), list.slice(1), null);
    return [states[0]!, ...states];
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape[] {
    const batch = (isShapeList(inputShape) ? inputShape[0]! : inputShape)[0] ?? null;
    return [[batch, this.stateSize[0]!], ...this.stateSize.map((s) => [batch, s])];
  }
}
