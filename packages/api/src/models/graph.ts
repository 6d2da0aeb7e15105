import { fmtShape } from '../util/shape';
import type { Layer } from '../layers/base/layer';
import type { Node, SymbolicTensor } from '../layers/base/symbolic';

/**
 * The nodes between `inputs` and `outputs` in an order that runs (deepest first, as Keras
 * and tfjs-layers order them), and the layers in that order.
 */
export function sortGraph(inputs: SymbolicTensor[], outputs: SymbolicTensor[], modelName: string): { nodes: Node[]; layers: Layer[] } {
  const inputNodes = new Set(inputs.map((t) => t.node));
  const post: Node[] = [];
  const done = new Set<Node>();
  const active = new Set<Node>();
  const visit = (t: SymbolicTensor, consumer: string): void => {
    const node = t.node;
    if (done.has(node)) return;
    if (active.has(node)) throw new Error(`Model '${modelName}': the graph has a cycle through layer '${node.layer.name}'.`);
    if (node.inputs.length === 0 && !inputNodes.has(node)) {
      throw new Error(
        `Model '${modelName}': graph disconnected: ${consumer} needs '${t.name}' ${fmtShape(t.shape)} from input layer ` +
          `'${node.layer.name}', which is not among the model inputs (${inputs.map((i) => `'${i.sourceLayer.name}'`).join(', ')}).`,
      );
    }
    active.add(node);
    if (!inputNodes.has(node)) for (const x of node.inputs) visit(x, `layer '${node.layer.name}'`);
    active.delete(node);
    done.add(node);
    post.push(node);
  };
  for (const t of inputs) visit(t, 'the model');
  for (const t of outputs) visit(t, 'the model output');

  // depth: 0 at the outputs, growing towards the inputs
  const depth = new Map<Node, number>(post.map((n) => [n, 0]));
  for (let i = post.length - 1; i >= 0; i--) {
    const n = post[i]!;
    if (inputNodes.has(n)) continue;
    for (const x of n.inputs) depth.set(x.node, Math.max(depth.get(x.node)!, depth.get(n)! + 1));
  }
  const order = new Map(post.map((n, i) => [n, i]));
  const nodes = [...post].sort((a, b) => depth.get(b)! - depth.get(a)! || order.get(a)! - order.get(b)!);
  const layers: Layer[] = [];
  for (const n of nodes) if (!layers.includes(n.layer)) layers.push(n.layer);
  return { nodes, layers };
}
