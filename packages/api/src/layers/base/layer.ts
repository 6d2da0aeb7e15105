import { z } from 'zod';
import type { DType } from '../../backend/types';
import { tidy } from '../../engine/scope';
import { Tensor } from '../../tensor/tensor';
import { variable, type Variable } from '../../tensor/variable';
import { clone } from '../../ops/movement';
import { fmtShape, shapesEqual } from '../../util/shape';
import { getInitializer, type InitializerIdentifier } from '../../initializers';
import type { Regularizer } from '../../regularizers';
import type { Constraint } from '../../constraints';
import { assertInputCompatible, type InputSpec } from './input-spec';
import { Node, SymbolicTensor, isSymbolic, type SymShape } from './symbolic';

/** Options every call of a layer may get. `training` switches dropout, noise and batch norm. */
export interface CallArgs {
  training?: boolean;
  [key: string]: unknown;
}

const shapeEntry = z.number().int().positive().nullable();
/** Options common to all layers (tfjs-layers LayerArgs). */
export const baseLayerSchema = z.object({
  name: z.string().min(1).optional(),
  trainable: z.boolean().optional(),
  inputShape: z.array(shapeEntry).optional(),
  batchInputShape: z.array(shapeEntry).optional(),
  batchSize: z.number().int().positive().optional(),
  dtype: z.enum(['float32', 'int32', 'bool']).optional(),
});
export type LayerArgs = z.infer<typeof baseLayerSchema>;

interface LayerWeight {
  name: string;
  variable: Variable;
  trainable: boolean;
  regularizer?: Regularizer;
  constraint?: Constraint;
}

const nameCounters = new Map<string, number>();
/** 'Conv2D' -> 'conv2d_1', 'conv2d_2', ... (one counter per prefix). */
export function uniqueLayerName(className: string): string {
  const prefix = className.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const n = (nameCounters.get(prefix) ?? 0) + 1;
  nameCounters.set(prefix, n);
  return `${prefix}_${n}`;
}

const usedVariableNames = new Set<string>();
/** Variable names must be unique (variableGrads keys on them); repeat layer names get a suffix. */
function uniqueVariableName(base: string): string {
  let name = base;
  for (let i = 1; usedVariableNames.has(name); i++) name = `${base}_${i}`;
  usedVariableNames.add(name);
  return name;
}

const dedupe = <T>(xs: T[]): T[] => [...new Set(xs)];

/**
 * A layer: weights plus a computation. Subclasses implement `build` (create weights once the
 * input shape is known), `call` (the forward pass on tensors) and `computeOutputShape` (the
 * same on symbolic shapes, so graphs are checked when they are defined).
 */
export abstract class Layer {
  /** Registered name used in configs; every subclass sets its own. */
  static className = 'Layer';

  readonly name: string;
  readonly dtype: DType;
  /** Shape with batch given by inputShape/batchInputShape, used to create the model input. */
  readonly batchInputShape: SymShape | null;
  built = false;
  inputSpec: InputSpec[] | null = null;
  readonly inboundNodes: Node[] = [];
  private readonly ownWeights: LayerWeight[] = [];
  private _trainable: boolean;

  constructor(args: LayerArgs = {}) {
    this.name = args.name ?? uniqueLayerName(this.getClassName());
    this._trainable = args.trainable ?? true;
    this.dtype = args.dtype ?? 'float32';
    if (args.batchInputShape) this.batchInputShape = [...args.batchInputShape];
    else if (args.inputShape) this.batchInputShape = [args.batchSize ?? null, ...args.inputShape];
    else this.batchInputShape = null;
  }

  getClassName(): string {
    return (this.constructor as typeof Layer).className;
  }

  /** "Layer 'dense_1' (Dense)", the prefix of every error about this layer. */
  protected get desc(): string {
    return `Layer '${this.name}' (${this.getClassName()})`;
  }

  // ---- weights ------------------------------------------------------------------------

  /** Layers held inside this one (wrappers, models); their weights count as this layer's. */
  protected sublayers(): Layer[] {
    return [];
  }

  get trainable(): boolean {
    return this._trainable;
  }

  /** Freezing a layer (or model) freezes everything inside it, as in Keras. */
  set trainable(value: boolean) {
    this._trainable = value;
    for (const l of this.sublayers()) l.trainable = value;
    for (const w of this.ownWeights) w.variable.trainable = value && w.trainable;
  }

  get trainableWeights(): Variable[] {
    if (!this._trainable) return [];
    return dedupe([...this.ownWeights.filter((w) => w.trainable).map((w) => w.variable), ...this.sublayers().flatMap((l) => l.trainableWeights)]);
  }

  get nonTrainableWeights(): Variable[] {
    if (!this._trainable) {
      return dedupe([...this.ownWeights.map((w) => w.variable), ...this.sublayers().flatMap((l) => [...l.trainableWeights, ...l.nonTrainableWeights])]);
    }
    return dedupe([...this.ownWeights.filter((w) => !w.trainable).map((w) => w.variable), ...this.sublayers().flatMap((l) => l.nonTrainableWeights)]);
  }

  /** trainableWeights then nonTrainableWeights, the order tfjs-layers uses for get/setWeights. */
  get weights(): Variable[] {
    return dedupe([...this.trainableWeights, ...this.nonTrainableWeights]);
  }

  countParams(): number {
    return this.weights.reduce((n, w) => n + w.size, 0);
  }

  /**
   * Create a weight (a Variable named `<layer>/<name>`). Call from build(). The regularizer
   * feeds regularizationLosses(); the constraint is applied by applyConstraints().
   */
  addWeight(
    name: string, shape: number[], dtype: DType = 'float32', initializer: InitializerIdentifier = 'glorotUniform',
    regularizer?: Regularizer | null, trainable = true, constraint?: Constraint | null,
  ): Variable {
    if (this.ownWeights.some((w) => w.name === name)) {
      throw new Error(`${this.desc}: a weight named '${name}' already exists.`);
    }
    const init = getInitializer(initializer, `${this.desc} weight '${name}'`);
    const v = tidy(() => variable(init.apply(shape, dtype), trainable && this._trainable, uniqueVariableName(`${this.name}/${name}`), dtype));
    this.ownWeights.push({ name, variable: v, trainable, regularizer: regularizer ?? undefined, constraint: constraint ?? undefined });
    return v;
  }

  /** Fresh penalty tensors (computed on the current tape) for every regularized weight. */
  regularizationLosses(): Tensor[] {
    const own = this.ownWeights.filter((w) => w.regularizer).map((w) => w.regularizer!.apply(w.variable));
    return [...own, ...this.sublayers().flatMap((l) => l.regularizationLosses())];
  }

  /** Weights with a constraint, for an optimizer that projects after each step. */
  weightConstraints(): Array<{ variable: Variable; constraint: Constraint }> {
    const own = this.ownWeights.filter((w) => w.constraint).map((w) => ({ variable: w.variable, constraint: w.constraint! }));
    return [...own, ...this.sublayers().flatMap((l) => l.weightConstraints())];
  }

  /** Project every constrained trainable weight in place; call after each optimizer step. */
  applyConstraints(): void {
    const trainable = new Set(this.trainableWeights);
    for (const { variable: v, constraint } of this.weightConstraints()) {
      if (!trainable.has(v)) continue;
      const projected = tidy(() => constraint.apply(v));
      v.assign(projected);
      projected.dispose();
    }
  }

  /** Copies of the weight values, in `weights` order; the caller owns them. */
  getWeights(): Tensor[] {
    return this.weights.map((w) => clone(w));
  }

  setWeights(values: Tensor[]): void {
    const ws = this.weights;
    if (values.length !== ws.length) {
      throw new Error(`${this.desc}: setWeights got ${values.length} tensors but the layer has ${ws.length} weights (${ws.map((w) => `${w.name} ${fmtShape(w.shape)}`).join(', ')}).`);
    }
    ws.forEach((w, i) => {
      const v = values[i]!;
      if (!shapesEqual(v.shape, w.shape)) {
        throw new Error(`${this.desc}: setWeights: weight ${i} ('${w.name}') has shape ${fmtShape(w.shape)}, got ${fmtShape(v.shape)}.`);
      }
    });
    ws.forEach((w, i) => w.assign(values[i]!.dtype === w.dtype ? values[i]! : values[i]!.cast(w.dtype)));
  }

  // ---- the computation ------------------------------------------------------------------

  /** Create weights for this input shape. Called once, before the first call. */
  build(_inputShape: SymShape | SymShape[]): void {
    this.built = true;
  }

  abstract call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[];

  computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    return inputShape;
  }

  /** dtype of the outputs; float32 unless the layer passes its input dtype through. */
  computeOutputDtype(_inputDtypes: DType[]): DType {
    return this.dtype;
  }

  /**
   * Call on SymbolicTensor(s) to add this layer to a graph (shapes checked now), or on
   * Tensor(s) to compute. A list in means the layer takes several inputs.
   */
  apply(inputs: SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor | SymbolicTensor[];
  apply(inputs: Tensor | Tensor[], kwargs?: CallArgs): Tensor | Tensor[];
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: CallArgs = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    const wasList = Array.isArray(inputs);
    const list: Array<Tensor | SymbolicTensor> = wasList ? [...inputs] : [inputs];
    if (list.length === 0) throw new Error(`${this.desc} was called with an empty list of inputs.`);
    const sym = list.map(isSymbolic);
    if (sym.every(Boolean)) return this.applySymbolic(list as SymbolicTensor[], wasList, kwargs);
    if (sym.some(Boolean)) throw new Error(`${this.desc} was called with a mix of SymbolicTensors and Tensors; pass one kind.`);
    for (const t of list) {
      if (!(t instanceof Tensor)) throw new Error(`${this.desc} expects Tensor or SymbolicTensor inputs, got ${typeof t}.`);
    }
    const ts = list as Tensor[];
    this.ensureBuilt(ts.map((t) => t.shape), wasList);
    return tidy(() => this.call(wasList ? ts : ts[0]!, kwargs));
  }

  private applySymbolic(xs: SymbolicTensor[], wasList: boolean, kwargs: CallArgs): SymbolicTensor | SymbolicTensor[] {
    const shapes = xs.map((x) => x.shape);
    this.ensureBuilt(shapes, wasList);
    const out = this.withLayerContext(() => this.computeOutputShape(wasList ? shapes : shapes[0]!));
    const multi = isShapeList(out);
    const outShapes = multi ? out : [out as SymShape];
    const { training: _ignored, ...rest } = kwargs;
    const node = new Node(this, xs, wasList, rest);
    this.inboundNodes.push(node);
    const dtype = this.computeOutputDtype(xs.map((x) => x.dtype));
    const n = this.inboundNodes.length - 1;
    node.outputs = outShapes.map((s, i) => new SymbolicTensor([...s], dtype, node, i, `${this.name}/${n}/${i}`));
    return multi ? node.outputs : node.outputs[0]!;
  }

  /** @internal Check the input against the spec, build on first use, check again with the built sizes (wrappers call it). */
  ensureBuilt(shapes: SymShape[], wasList: boolean): void {
    assertInputCompatible(this.desc, this.inputSpec, shapes);
    if (!this.built) {
      this.withLayerContext(() => tidy(() => this.build(wasList ? shapes : shapes[0]!)));
      this.built = true;
      assertInputCompatible(this.desc, this.inputSpec, shapes);
    }
  }

  /** Errors thrown inside build/computeOutputShape get this layer's name in front. */
  protected withLayerContext<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Error && !e.message.includes(`'${this.name}'`)) e.message = `${this.desc}: ${e.message}`;
      throw e;
    }
  }

  // ---- config and lifetime --------------------------------------------------------------

  /** camelCase options that recreate this layer (weights not included). */
  getConfig(): Record<string, unknown> {
    const c: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.batchInputShape) c['batchInputShape'] = [...this.batchInputShape];
    return c;
  }

  /** Free every weight (of sublayers too). */
  dispose(): void {
    for (const w of this.ownWeights) w.variable.dispose();
    for (const l of this.sublayers()) l.dispose();
  }

  toString(): string {
    return `${this.getClassName()}('${this.name}')`;
  }
}

export function isShapeList(s: SymShape | SymShape[]): s is SymShape[] {
  return s.length > 0 && Array.isArray(s[0]);
}

/** Accept only one input, with a clear error for lists. */
export function single<T>(x: T | T[], desc: string): T {
  if (Array.isArray(x)) {
    if (x.length !== 1) throw new Error(`${desc} takes one input, got a list of ${x.length}.`);
    return x[0]!;
  }
  return x;
}

/** The one input shape of a single-input layer. */
export function oneShape(s: SymShape | SymShape[], desc: string): SymShape {
  if (isShapeList(s)) {
    if (s.length !== 1) throw new Error(`${desc} takes one input, got ${s.length}.`);
    return s[0]!;
  }
  return s;
}
