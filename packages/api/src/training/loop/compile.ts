import type { TrainableModel } from '../model-contract';
import { getLoss, type LossIdentifier } from '../losses/registry';
import { getMetric, type MetricIdentifier } from '../metrics/registry';
import { getOptimizerFrom } from '../optimizers/registry';
import type { Optimizer } from '../optimizers/optimizer';
import type { Loss } from '../losses/loss';
import { compileSchema, type CompileArgs } from './compile-args';
import { setCompiled, type CompiledOutput } from './state';
import { parseArgs } from './validate';

/** Per-output value from a single value, an array in output order or a map by output name. */
function perOutput<T>(v: T | T[] | Record<string, T>, names: string[], what: string, isSingle: (x: unknown) => boolean): T[] {
  if (isSingle(v)) return names.map(() => v as T);
  if (Array.isArray(v)) {
    if (v.length !== names.length) {
      throw new Error(`compile: '${what}' has ${v.length} entries but the model has ${names.length} outputs (${names.join(', ')}). Give one per output or a map by output name.`);
    }
    return v;
  }
  const map = v as Record<string, T>;
  const unknown = Object.keys(map).filter((k) => !names.includes(k));
  if (unknown.length) throw new Error(`compile: '${what}' names unknown outputs ${unknown.join(', ')}; the model's outputs are ${names.join(', ')}.`);
  return names.map((n) => {
    if (!(n in map)) throw new Error(`compile: '${what}' has no entry for output '${n}'. Add one for every output: ${names.join(', ')}.`);
    return map[n]!;
  });
}

const isLossSingle = (x: unknown): boolean => typeof x === 'string' || typeof x === 'function' || (typeof x === 'object' && x !== null && 'call' in x && 'fn' in x);

/** Resolve names to objects and store the result for this model (replacing an earlier compile). */
export function compileModel(model: TrainableModel, args: CompileArgs): void {
  const a = parseArgs(compileSchema, args, `compile (model '${model.name}')`);
  const names = model.outputNames;
  // resolve everything before storing, so a bad name leaves any earlier compile in place
  const optimizer = getOptimizerFrom(a.optimizer as string | Optimizer);
  const losses = perOutput(a.loss as LossIdentifier, names, 'loss', isLossSingle).map((l) => getLoss(l as LossIdentifier));
  const weights = a.lossWeights === undefined ? names.map(() => 1) : perOutput(a.lossWeights, names, 'lossWeights', (x) => typeof x === 'number');
  const metricIds = metricsPerOutput(a.metrics, names);
  const outputs: CompiledOutput[] = names.map((name, i) => ({
    name,
    loss: losses[i] as Loss,
    lossWeight: weights[i]!,
    metrics: metricIds[i]!.map((m) => freshMetric(m, losses[i]!.name)),
  }));
  setCompiled(model, { optimizer, outputs, running: false });
}

/** A flat list applies to every output (each gets its own metric objects). */
function metricsPerOutput(m: unknown, names: string[]): MetricIdentifier[][] {
  if (m === undefined) return names.map(() => []);
  if (Array.isArray(m)) {
    const nested = m.some((x) => Array.isArray(x));
    if (!nested) return names.map(() => m as MetricIdentifier[]);
    return perOutput(m as MetricIdentifier[][], names, 'metrics', () => false);
  }
  return perOutput(m as Record<string, MetricIdentifier | MetricIdentifier[]>, names, 'metrics', () => false).map((x) => (Array.isArray(x) ? x : [x]));
}

function freshMetric(id: MetricIdentifier, lossName: string) {
  return getMetric(id, lossName);
}
