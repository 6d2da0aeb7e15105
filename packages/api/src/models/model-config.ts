import type { Layer } from '../layers/base/layer';
import type { Node, SymbolicTensor } from '../layers/base/symbolic';
import { deserializeLayer } from '../layers/base/serialization';
import { InputLayer } from './input-layer';

/** What config code needs from a functional model. */
interface Graph {
  name: string;
  nodes: Node[];
  layers: Layer[];
  inputs: SymbolicTensor[];
  outputs: SymbolicTensor[];
  getClassName(): string;
  getConfig(): Record<string, unknown>;
}

type TensorRef = [string, number, number];

/** Keras functional config: layers with their inbound nodes, plus the input and output refs. */
export function functionalConfig(m: Graph): Record<string, unknown> {
  const nodeIdx = (n: Node): number => m.nodes.filter((x) => x.layer === n.layer).indexOf(n);
  const ref = (t: SymbolicTensor): TensorRef => [t.sourceLayer.name, nodeIdx(t.node), t.tensorIndex];
  return {
    name: m.name,
    layers: m.layers.map((l) => ({
      name: l.name,
      className: l.getClassName(),
      config: l.getConfig(),
      inboundNodes: m.nodes
        .filter((n) => n.layer === l && n.inputs.length > 0)
        .map((n) => ({ args: n.inputs.map(ref), list: n.inputsWereList, kwargs: n.callArgs })),
    })),
    inputLayers: m.inputs.map(ref),
    outputLayers: m.outputs.map(ref),
  };
}

interface LayerSpec {
  name: string;
  className: string;
  config: Record<string, unknown>;
  inboundNodes: Array<{ args: TensorRef[]; list: boolean; kwargs: Record<string, unknown> }>;
}

/** Rebuild a functional model: create every layer, then replay its calls once their inputs exist. */
export function functionalFromConfig<M>(
  config: Record<string, unknown>, make: (ins: SymbolicTensor[], outs: SymbolicTensor[], name: string) => M,
): M {
  const specs = config['layers'] as LayerSpec[];
  const made = new Map<string, Layer>();
  const outputsOf = new Map<string, SymbolicTensor[][]>();
  for (const s of specs) {
    const layer = deserializeLayer({ className: s.className, config: s.config });
    made.set(s.name, layer);
    outputsOf.set(s.name, layer instanceof InputLayer ? [[layer.output]] : []);
  }
  const lookup = ([name, node, index]: TensorRef): SymbolicTensor | undefined => outputsOf.get(name)?.[node]?.[index];
  const next = new Map(specs.map((s) => [s.name, 0]));
  for (let progress = true; progress;) {
    progress = false;
    for (const s of specs) {
      for (let k = next.get(s.name)!; k < s.inboundNodes.length; k++) {
        const nodeSpec = s.inboundNodes[k]!;
        const ins = nodeSpec.args.map(lookup);
        if (ins.some((x) => !x)) break;
        const out = made.get(s.name)!.apply(nodeSpec.list ? (ins as SymbolicTensor[]) : ins[0]!, nodeSpec.kwargs ?? {});
        outputsOf.get(s.name)!.push(Array.isArray(out) ? out : [out]);
        next.set(s.name, k + 1);
        progress = true;
      }
    }
  }
  const resolve = (r: TensorRef): SymbolicTensor => {
    const t = lookup(r);
    if (!t) throw new Error(`fromConfig: model '${String(config['name'])}' refers to ${r[0]}[${r[1]}][${r[2]}], which could not be rebuilt (missing or cyclic inputs).`);
    return t;
  };
  return make((config['inputLayers'] as TensorRef[]).map(resolve), (config['outputLayers'] as TensorRef[]).map(resolve), String(config['name']));
}

const toSnake = (k: string): string => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const toCamel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Rename every object key (values, e.g. layer names, stay as they are). */
export function convertKeys(x: unknown, f: (k: string) => string): unknown {
  if (Array.isArray(x)) return x.map((v) => convertKeys(v, f));
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [f(k), convertKeys(v, f)]));
  return x;
}

export function toJSONString(m: Graph, returnString: boolean): string | Record<string, unknown> {
  const topology = convertKeys({ className: m.getClassName(), config: m.getConfig(), generatedBy: 'lamina', format: 'layers-model' }, toSnake) as Record<string, unknown>;
  return returnString ? JSON.stringify(topology) : topology;
}

/** Parse a topology from toJSON (or a tfjs model.json's modelTopology) into {className, config}. */
export function parseTopology(json: string | Record<string, unknown>): { className: string; config: Record<string, unknown> } {
  const raw = typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : json;
  const topo = (raw['modelTopology'] ?? raw['model_topology'] ?? raw) as Record<string, unknown>;
  const body = (topo['model_config'] ?? topo['modelConfig'] ?? topo) as Record<string, unknown>;
  const c = convertKeys(body, toCamel) as { className?: string; config?: Record<string, unknown> };
  if (!c.className || !c.config) throw new Error('modelFromJSON: expected {class_name, config} (the output of model.toJSON()).');
  return { className: c.className, config: c.config };
}
