import type { DType } from '../backend/types';
import type { Tensor } from '../tensor/tensor';
import type { TrainableModel } from '../training/model-contract';
import { Layer, isShapeList, type CallArgs } from '../layers/base/layer';
import { isSymbolic, type Node, type SymbolicTensor, type SymShape } from '../layers/base/symbolic';
import { registerClass, registerLayer } from '../layers/base/serialization';
import { InputLayer } from './input-layer';
import { sortGraph } from './graph';
import { printSummary } from './summary';
import { functionalConfig, functionalFromConfig, toJSONString } from './model-config';
import {
  compileModel, evaluateDatasetModel, evaluateModel, fitDatasetModel, fitModel, getOptimizer, predictModel,
  predictOnBatchModel, trainOnBatchModel, type BatchDataset, type CompileArgs, type EvaluateArgs,
  type EvaluateDatasetArgs, type FitArgs, type FitDatasetArgs, type ModelData, type PredictArgs,
} from '../training/loop';
import type { History } from '../training/callbacks/history';
import type { Optimizer } from '../training/optimizers/optimizer';

export interface ModelArgs {
  inputs: SymbolicTensor | SymbolicTensor[];
  outputs: SymbolicTensor | SymbolicTensor[];
  name?: string;
}

/**
 * A graph of layers from symbolic inputs to outputs (the functional API). Itself a Layer, so
 * models nest; implements the TrainableModel contract the training loop uses.
 */
export class LayersModel extends Layer implements TrainableModel {
  static override className = 'Functional';
  inputs: SymbolicTensor[] = [];
  outputs: SymbolicTensor[] = [];
  /** @internal execution order */
  nodes: Node[] = [];
  protected graphLayers: Layer[] = [];
  stopTraining = false;

  constructor(args: ModelArgs | null, name?: string) {
    super({ name: args?.name ?? name });
    if (args) {
      const ins = Array.isArray(args.inputs) ? args.inputs : [args.inputs];
      const outs = Array.isArray(args.outputs) ? args.outputs : [args.outputs];
      this.initGraph(ins, outs);
    }
  }

  /** @internal (re)wire the model to run from `inputs` to `outputs`. */
  protected initGraph(inputs: SymbolicTensor[], outputs: SymbolicTensor[]): void {
    const where = `Model '${this.name}'`;
    if (inputs.length === 0 || outputs.length === 0) throw new Error(`${where} needs at least one input and one output.`);
    for (const t of [...inputs, ...outputs]) {
      if (!isSymbolic(t)) throw new Error(`${where}: inputs and outputs must be SymbolicTensors (from input() and layer.apply), got ${String(t)}.`);
    }
    inputs.forEach((t, i) => {
      if (!(t.sourceLayer instanceof InputLayer)) {
        throw new Error(`${where}: input ${i} ('${t.name}') is not made by input(); model inputs must be input() tensors.`);
      }
    });
    const { nodes, layers } = sortGraph(inputs, outputs, this.name);
    const names = new Set<string>();
    for (const l of layers) {
      if (names.has(l.name)) throw new Error(`${where}: two different layers are named '${l.name}'; layer names in a model must be unique.`);
      names.add(l.name);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    this.nodes = nodes;
    this.graphLayers = layers;
    // concrete calls are checked against the input shapes (batch and null sizes free)
    this.inputSpec = inputs.map((t) => ({
      ndim: t.rank,
      axes: Object.fromEntries(t.shape.map((d, i) => [i, d] as const).filter(([i, d]) => i > 0 && d !== null)) as Record<number, number>,
    }));
    this.built = true;
  }

  /** The model's layers in graph order (InputLayers included, as in Keras functional models). */
  get layers(): Layer[] {
    return [...this.graphLayers];
  }

  protected override sublayers(): Layer[] {
    return this.graphLayers;
  }

  getLayer(name?: string, index?: number): Layer {
    const ls = this.layers;
    if (index !== undefined) {
      const l = ls[index];
      if (!l) throw new Error(`Model '${this.name}': no layer at index ${index} (it has ${ls.length}).`);
      return l;
    }
    const l = ls.find((x) => x.name === name);
    if (!l) throw new Error(`Model '${this.name}': no layer named '${name}'. Layers: ${ls.map((x) => `'${x.name}'`).join(', ')}.`);
    return l;
  }

  get inputNames(): string[] {
    return this.inputs.map((t) => t.sourceLayer.name);
  }
  get outputNames(): string[] {
    return this.outputs.map((t) => t.sourceLayer.name);
  }
  get inputShapes(): SymShape[] {
    return this.inputs.map((t) => [...t.shape]);
  }
  get outputShapes(): SymShape[] {
    return this.outputs.map((t) => [...t.shape]);
  }

  /**
   * Concrete: a list in gives a list out (the TrainableModel contract); a single tensor gives
   * the single output. Symbolic: one output gives a SymbolicTensor, several a list.
   */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor[], kwargs?: CallArgs): Tensor[];
  override apply(inputs: Tensor, kwargs?: CallArgs): Tensor | Tensor[];
  override apply(inputs: Tensor | Tensor[], kwargs?: CallArgs): Tensor | Tensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: CallArgs = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    const out = super.apply(inputs, kwargs);
    if (Array.isArray(inputs) && inputs.length > 0 && !isSymbolic(inputs[0]) && !Array.isArray(out)) return [out as Tensor];
    return out;
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    if (xs.length !== this.inputs.length) {
      throw new Error(`Model '${this.name}' has ${this.inputs.length} inputs (${this.inputNames.join(', ')}) but was given ${xs.length} tensors.`);
    }
    const values = new Map<SymbolicTensor, Tensor>();
    this.inputs.forEach((s, i) => values.set(s, xs[i]!));
    for (const node of this.nodes) {
      if (node.inputs.length === 0) continue;
      const ins = node.inputs.map((s) => values.get(s)!);
      const out = node.layer.apply(node.inputsWereList ? ins : ins[0]!, { ...node.callArgs, ...kwargs });
      const outs = Array.isArray(out) ? out : [out];
      node.outputs.forEach((s, i) => values.set(s, outs[i]!));
    }
    const ys = this.outputs.map((s) => values.get(s)!);
    return ys.length === 1 ? ys[0]! : ys;
  }

  override computeOutputShape(inputShape: SymShape | SymShape[]): SymShape | SymShape[] {
    const given = isShapeList(inputShape) ? inputShape : [inputShape];
    const shapes = new Map<SymbolicTensor, SymShape>();
    this.inputs.forEach((s, i) => shapes.set(s, given[i] ?? s.shape));
    for (const node of this.nodes) {
      if (node.inputs.length === 0) continue;
      const ins = node.inputs.map((s) => shapes.get(s)!);
      const out = node.layer.computeOutputShape(node.inputsWereList ? ins : ins[0]!);
      const outs = isShapeList(out) ? out : [out];
      node.outputs.forEach((s, i) => shapes.set(s, outs[i]!));
    }
    const ys = this.outputs.map((s) => shapes.get(s)!);
    return ys.length === 1 ? ys[0]! : ys;
  }

  override computeOutputDtype(_d: DType[]): DType {
    return this.outputs[0]?.dtype ?? 'float32';
  }

  // Training lives in training/; the model only forwards to it (state is kept there, per model).
  compile(args: CompileArgs): void {
    compileModel(this, args);
  }

  fit(x: ModelData, y: ModelData, args?: FitArgs): Promise<History> {
    return fitModel(this, x, y, args);
  }

  fitDataset(dataset: BatchDataset, args?: FitDatasetArgs): Promise<History> {
    return fitDatasetModel(this, dataset, args);
  }

  evaluate(x: ModelData, y: ModelData, args?: EvaluateArgs): Promise<Tensor | Tensor[]> {
    return evaluateModel(this, x, y, args);
  }

  evaluateDataset(dataset: BatchDataset, args?: EvaluateDatasetArgs): Promise<Tensor | Tensor[]> {
    return evaluateDatasetModel(this, dataset, args);
  }

  predict(x: ModelData, args?: PredictArgs): Promise<Tensor | Tensor[]> {
    return predictModel(this, x, args);
  }

  predictOnBatch(x: ModelData): Tensor | Tensor[] {
    return predictOnBatchModel(this, x);
  }

  trainOnBatch(x: ModelData, y: ModelData): Promise<number | number[]> {
    return trainOnBatchModel(this, x, y);
  }

  /** The compiled optimizer (undefined before compile). */
  get optimizer(): Optimizer | undefined {
    return getOptimizer(this);
  }

  /** Print a Keras-style table of layers, output shapes and parameter counts. */
  summary(lineLength?: number, positions?: number[], printFn: (line: string) => void = console.log): void {
    printSummary(this, lineLength, positions, printFn);
  }

  override getConfig(): Record<string, unknown> {
    return functionalConfig(this);
  }

  static fromConfig(config: Record<string, unknown>): Layer {
    return functionalFromConfig(config, (ins, outs, name) => new LayersModel({ inputs: ins, outputs: outs, name }));
  }

  /** Keras-style topology `{class_name, config}` with snake_case keys; a string unless returnString is false. */
  toJSON(_unused?: unknown, returnString = true): string | Record<string, unknown> {
    return toJSONString(this, returnString);
  }
}
registerClass(LayersModel);
registerLayer('Model', LayersModel);

/** The functional API: `model({inputs, outputs})`. */
export function model(args: ModelArgs): LayersModel {
  return new LayersModel(args);
}
