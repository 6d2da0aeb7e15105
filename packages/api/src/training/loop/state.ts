import type { TrainableModel } from '../model-contract';
import type { Loss } from '../losses/loss';
import type { Metric } from '../metrics/metric';
import type { Optimizer } from '../optimizers/optimizer';

/** What compile decided for one model output. */
export interface CompiledOutput {
  name: string;
  loss: Loss;
  lossWeight: number;
  metrics: Metric[];
}

export interface CompiledState {
  optimizer: Optimizer;
  outputs: CompiledOutput[];
  /** fit is running (a second fit is refused). */
  running: boolean;
}

/** Compiled state lives here, not on models, so models stay free of training concerns. */
const STATE = new WeakMap<TrainableModel, CompiledState>();

export function setCompiled(model: TrainableModel, s: CompiledState): void {
  STATE.set(model, s);
}

export function compiledState(model: TrainableModel, where: string): CompiledState {
  const s = STATE.get(model);
  if (!s) throw new Error(`${where}: model '${model.name}' is not compiled. Call model.compile({ optimizer, loss }) first.`);
  return s;
}

export function isCompiled(model: TrainableModel): boolean {
  return STATE.has(model);
}

/** The optimizer compile attached to this model. */
export function getOptimizer(model: TrainableModel): Optimizer {
  return compiledState(model, 'getOptimizer').optimizer;
}

/** Log names in evaluate's order: loss, per-output losses (several outputs), then metrics. */
export function metricsNames(model: TrainableModel): string[] {
  const s = compiledState(model, 'metricsNames');
  const multi = s.outputs.length > 1;
  const names = ['loss'];
  if (multi) for (const o of s.outputs) names.push(`${o.name}_loss`);
  for (const o of s.outputs) for (const m of o.metrics) names.push(multi ? `${o.name}_${m.name}` : m.name);
  return names;
}
