import { variableGrads } from '../../autodiff/grad';
import { keep, tidy } from '../../engine/scope';
import type { Tensor } from '../../tensor/tensor';
import { add, mul } from '../../ops/elementwise';
import { stack } from '../../ops/movement';
import type { TrainableModel } from '../model-contract';
import type { CompiledState } from './state';

/** Losses of one batch: [total, ...per output] as numbers. */
export type BatchLosses = number[];

function checkOutputs(preds: Tensor[], st: CompiledState, model: TrainableModel): void {
  if (preds.length !== st.outputs.length) {
    throw new Error(`model '${model.name}' returned ${preds.length} outputs but was compiled for ${st.outputs.length}.`);
  }
}

/** Weighted sum of per-output losses (+ regularization when training), and the per-output values. */
function totalLoss(model: TrainableModel, st: CompiledState, ys: Tensor[], preds: Tensor[], sw: Tensor | undefined, training: boolean) {
  const per = preds.map((p, i) => st.outputs[i]!.loss.call(ys[i]!, p, sw));
  let total = per.map((l, i) => (st.outputs[i]!.lossWeight === 1 ? l : mul(l, st.outputs[i]!.lossWeight))).reduce((a, b) => add(a, b));
  if (training) for (const r of model.regularizationLosses()) total = add(total, r);
  return { total, per };
}

/**
 * One optimizer step: gradients of the total loss over the trainable weights, applied by
 * the compiled optimizer; metrics updated from the same forward pass. Frees everything it made.
 */
export function trainStep(model: TrainableModel, st: CompiledState, xs: Tensor[], ys: Tensor[], sw?: Tensor): BatchLosses {
  const held: Tensor[] = [];
  try {
    return tidy(() => {
      const vars = model.trainableWeights;
      let preds: Tensor[] = [];
      let per: Tensor[] = [];
      const { value, grads } = variableGrads(() => {
        preds = model.apply(xs, { training: true });
        checkOutputs(preds, st, model);
        const r = totalLoss(model, st, ys, preds, sw, true);
        per = r.per;
        // the forward results outlive the gradient scope for metrics and logs
        for (const t of [...preds, ...per]) held.push(keep(t));
        return r.total;
      }, vars);
      st.optimizer.applyGradients(vars.map((v): [Tensor, typeof v] => [grads[v.name]!, v]));
      model.applyConstraints?.();
      st.outputs.forEach((o, i) => o.metrics.forEach((m) => m.updateState(ys[i]!, preds[i]!)));
      return Array.from(stack([value, ...per]).dataSync());
    });
  } finally {
    for (const t of held) t.dispose();
  }
}

/** Forward pass in inference mode, losses and metric updates; for evaluate and validation. */
export function testStep(model: TrainableModel, st: CompiledState, xs: Tensor[], ys: Tensor[], sw?: Tensor): BatchLosses {
  return tidy(() => {
    const preds = model.apply(xs, { training: false });
    checkOutputs(preds, st, model);
    const { total, per } = totalLoss(model, st, ys, preds, sw, false);
    st.outputs.forEach((o, i) => o.metrics.forEach((m) => m.updateState(ys[i]!, preds[i]!)));
    return Array.from(stack([total, ...per]).dataSync());
  });
}

/** Running, sample-weighted means of the batch losses plus the metrics' results, as logs. */
export class EpochLogs {
  private sums: number[] = [];
  private count = 0;
  constructor(private readonly st: CompiledState) {}

  reset(): void {
    this.sums = [];
    this.count = 0;
    for (const o of this.st.outputs) for (const m of o.metrics) m.reset();
  }

  add(losses: BatchLosses, batchSize: number): void {
    losses.forEach((l, i) => (this.sums[i] = (this.sums[i] ?? 0) + l * batchSize));
    this.count += batchSize;
  }

  logs(prefix = ''): Record<string, number> {
    const out: Record<string, number> = {};
    const multi = this.st.outputs.length > 1;
    const mean = (i: number): number => (this.count ? this.sums[i]! / this.count : 0);
    out[`${prefix}loss`] = mean(0);
    if (multi) this.st.outputs.forEach((o, i) => (out[`${prefix}${o.name}_loss`] = mean(i + 1)));
    for (const o of this.st.outputs) for (const m of o.metrics) out[`${prefix}${multi ? `${o.name}_` : ''}${m.name}`] = m.result();
    return out;
  }
}
