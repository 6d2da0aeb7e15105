import { fmtShape } from '../util/shape';
import type { Layer } from '../layers/base/layer';
import type { Node, SymShape } from '../layers/base/symbolic';
import { InputLayer } from './input-layer';

/** What summary needs from a model (avoids a cycle with layers-model.ts). */
interface Summarizable {
  name: string;
  nodes: Node[];
  layers: Layer[];
  trainableWeights: Array<{ size: number }>;
  nonTrainableWeights: Array<{ size: number }>;
  getClassName(): string;
}

const fmt = (s: SymShape): string => fmtShape(s);

/** Keras-style table; a Sequential model drops the "Connected to" column and the input row. */
export function printSummary(model: Summarizable, lineLength?: number, positions?: number[], printFn: (line: string) => void = console.log): void {
  const sequential = model.getClassName() === 'Sequential';
  const width = lineLength ?? (sequential ? 65 : 98);
  const fractions = positions ?? (sequential ? [0.45, 0.85, 1] : [0.33, 0.55, 0.67, 1]);
  const stops = fractions.map((p) => (p <= 1 ? Math.floor(width * p) : p));
  const headers = ['Layer (type)', 'Output shape', 'Param #', ...(sequential ? [] : ['Connected to'])];
  const row = (cells: string[]): string => {
    let line = '';
    cells.forEach((c, i) => {
      const start = i === 0 ? 0 : stops[i - 1]!;
      line = line.slice(0, start).padEnd(start) + c;
      line = line.slice(0, stops[i]! - 1).padEnd(stops[i]!);
    });
    return line.trimEnd();
  };
  const nodesOf = (l: Layer): Node[] => model.nodes.filter((n) => n.layer === l);
  const nodeIndex = (n: Node): number => nodesOf(n.layer).indexOf(n);

  printFn(`Model: "${model.name}"`);
  printFn('_'.repeat(width));
  printFn(row(headers));
  printFn('='.repeat(width));
  const layers = model.layers.filter((l) => !(sequential && l instanceof InputLayer));
  layers.forEach((layer, li) => {
    const ns = nodesOf(layer);
    const shapes = ns.map((n) => (n.outputs.length === 1 ? fmt(n.outputs[0]!.shape) : n.outputs.map((o) => fmt(o.shape)).join(', ')));
    const shape = new Set(shapes).size > 1 ? 'multiple' : (shapes[0] ?? '?');
    const links = ns.flatMap((n) => n.inputs.map((x) => `${x.sourceLayer.name}[${nodeIndex(x.node)}][${x.tensorIndex}]`));
    printFn(row([`${layer.name} (${layer.getClassName()})`, shape, String(layer.countParams()), ...(sequential ? [] : [links[0] ?? ''])]));
    for (const extra of sequential ? [] : links.slice(1)) printFn(row(['', '', '', extra]));
    printFn(li === layers.length - 1 ? '='.repeat(width) : '_'.repeat(width));
  });
  if (layers.length === 0) printFn('='.repeat(width));
  const trainable = model.trainableWeights.reduce((n, w) => n + w.size, 0);
  const frozen = model.nonTrainableWeights.reduce((n, w) => n + w.size, 0);
  printFn(`Total params: ${trainable + frozen}`);
  printFn(`Trainable params: ${trainable}`);
  printFn(`Non-trainable params: ${frozen}`);
  printFn('_'.repeat(width));
}
