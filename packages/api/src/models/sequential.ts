import type { Tensor } from '../tensor/tensor';
import { Layer, type CallArgs } from '../layers/base/layer';
import { isSymbolic, type SymbolicTensor, type SymShape } from '../layers/base/symbolic';
import { deserializeLayer, registerClass, serializeLayer } from '../layers/base/serialization';
import { InputLayer, input } from './input-layer';
import { LayersModel } from './layers-model';

export interface SequentialArgs {
  layers?: Layer[];
  name?: string;
}

/**
 * A linear stack. Each `add` wires the layer onto the previous output at once (so shapes are
 * checked then) when the input shape is known: from an InputLayer, the first layer's
 * inputShape, or a nested model. Otherwise layers wait until build() or the first call.
 */
export class Sequential extends LayersModel {
  static override className = 'Sequential';
  private graphInput: SymbolicTensor | null = null;
  private stack: Layer[] = [];

  constructor(args: SequentialArgs = {}) {
    super(null, args.name);
    this.built = false;
    for (const l of args.layers ?? []) this.add(l);
  }

  add(layer: Layer): void {
    if (!(layer instanceof Layer)) throw new Error(`Sequential '${this.name}': add() expects a Layer, got ${typeof layer}.`);
    if (layer instanceof InputLayer) {
      if (this.stack.length || this.graphInput) throw new Error(`Sequential '${this.name}': an InputLayer can only be the first layer.`);
      this.graphInput = layer.output;
      return;
    }
    this.stack.push(layer);
    if (!this.graphInput) {
      const shape = layer.batchInputShape ?? (layer instanceof LayersModel && layer.inputs.length === 1 ? layer.inputs[0]!.shape : null);
      if (this.stack.length > 1 || !shape) return; // deferred: built on first use
      this.graphInput = input({ batchShape: shape, dtype: layer.dtype === 'float32' ? undefined : layer.dtype, name: `${layer.name}_input` });
    }
    if (this.outputs.length === 0 && this.stack.length > 1) return;
    const prev = this.outputs[0] ?? this.graphInput;
    this.wire([layer], prev);
  }

  private wire(layers: Layer[], from: SymbolicTensor): void {
    let x = from;
    for (const layer of layers) {
      const out = layer.apply(x);
      if (Array.isArray(out)) {
        throw new Error(`Sequential '${this.name}': layer '${layer.name}' returns ${out.length} outputs; each layer of a Sequential model needs one. Use the functional API (model({inputs, outputs})).`);
      }
      x = out;
    }
    this.initGraph([this.graphInput!], [x]);
  }

  /** Remove the last layer. */
  pop(): void {
    if (!this.stack.length) throw new Error(`Sequential '${this.name}': pop() on an empty model.`);
    this.stack.pop();
    if (!this.stack.length) {
      this.outputs = [];
      this.built = false;
      return;
    }
    const last = this.stack[this.stack.length - 1]!;
    const node = last.inboundNodes.find((n) => this.nodes.includes(n))!;
    this.initGraph([this.graphInput!], [node.outputs[0]!]);
  }

  /** Wire the deferred layers for input shape `inputShape` (batch first, may be null). */
  override build(inputShape?: SymShape | SymShape[]): void {
    if (this.built && this.outputs.length) return;
    if (!this.stack.length) throw new Error(`Sequential '${this.name}' has no layers; add() some before using it.`);
    if (!this.graphInput) {
      const s = inputShape as SymShape | undefined;
      if (!s) throw new Error(`Sequential '${this.name}' does not know its input shape: give the first layer inputShape, or call build(shape).`);
      this.graphInput = input({ batchShape: [null, ...s.slice(1)], name: `${this.stack[0]!.name}_input` });
    }
    this.wire(this.stack, this.graphInput);
  }

  override get layers(): Layer[] {
    return [...this.stack];
  }

  override apply(inputs: SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor[], kwargs?: CallArgs): Tensor[];
  override apply(inputs: Tensor, kwargs?: CallArgs): Tensor | Tensor[];
  override apply(inputs: Tensor | Tensor[], kwargs?: CallArgs): Tensor | Tensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: CallArgs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: CallArgs = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    if (!this.outputs.length) {
      const first = Array.isArray(inputs) ? inputs[0] : inputs;
      if (first) this.build(isSymbolic(first) ? first.shape : [null, ...first.shape.slice(1)]);
    }
    return super.apply(inputs, kwargs);
  }

  override getConfig(): Record<string, unknown> {
    const layers = this.stack.map(serializeLayer);
    const first = this.stack[0];
    // keep the input shape when it came from a separate InputLayer
    if (first && !first.batchInputShape && this.graphInput) layers.unshift(serializeLayer(this.graphInput.sourceLayer));
    return { name: this.name, layers };
  }

  static override fromConfig(config: Record<string, unknown>): Layer {
    const m = new Sequential({ name: config['name'] as string | undefined });
    for (const spec of config['layers'] as Array<{ className: string; config: Record<string, unknown> }>) m.add(deserializeLayer(spec));
    return m;
  }
}
registerClass(Sequential);

export function sequential(args?: SequentialArgs): Sequential {
  return new Sequential(args);
}
