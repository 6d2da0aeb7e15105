import type { TrainableModel } from '../model-contract';

/** Numbers logged per batch and epoch: 'loss', metric names, 'val_' versions. */
export type Logs = Record<string, number>;

export interface TrainingParams {
  epochs: number;
  /** Batches per epoch when known. */
  steps: number | null;
  samples: number | null;
  batchSize: number | null;
  verbose: number;
  initialEpoch: number;
  metrics: string[];
}

/** Every hook a callback may implement; all may be async (fit awaits them). */
export interface CallbackHooks {
  onTrainBegin(logs?: Logs): void | Promise<void>;
  onTrainEnd(logs?: Logs): void | Promise<void>;
  onEpochBegin(epoch: number, logs?: Logs): void | Promise<void>;
  onEpochEnd(epoch: number, logs?: Logs): void | Promise<void>;
  onBatchBegin(batch: number, logs?: Logs): void | Promise<void>;
  onBatchEnd(batch: number, logs?: Logs): void | Promise<void>;
  onTestBegin(logs?: Logs): void | Promise<void>;
  onTestEnd(logs?: Logs): void | Promise<void>;
  onTestBatchBegin(batch: number, logs?: Logs): void | Promise<void>;
  onTestBatchEnd(batch: number, logs?: Logs): void | Promise<void>;
  onPredictBegin(logs?: Logs): void | Promise<void>;
  onPredictEnd(logs?: Logs): void | Promise<void>;
  onPredictBatchBegin(batch: number, logs?: Logs): void | Promise<void>;
  onPredictBatchEnd(batch: number, logs?: Logs): void | Promise<void>;
}
export type HookName = keyof CallbackHooks;

/** Base class: override the hooks you need. `model` and `params` are set by fit. */
export class Callback implements CallbackHooks {
  model!: TrainableModel;
  params!: TrainingParams;
  setModel(model: TrainableModel): void { this.model = model; }
  setParams(params: TrainingParams): void { this.params = params; }
  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  onTestEnd(_logs?: Logs): void | Promise<void> {}
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}

/** A Callback or a plain object with some hooks. */
export type CallbackLike = Callback | Partial<CallbackHooks> & { setModel?(m: TrainableModel): void; setParams?(p: TrainingParams): void };

/** Runs one hook on every callback in order, awaiting each. */
export class CallbackList {
  readonly callbacks: CallbackLike[];
  constructor(callbacks: CallbackLike[] = []) { this.callbacks = callbacks; }

  setModel(model: TrainableModel): void {
    for (const c of this.callbacks) {
      if (typeof c.setModel === 'function') c.setModel(model);
      else (c as { model?: TrainableModel }).model = model;
    }
  }
  setParams(params: TrainingParams): void {
    for (const c of this.callbacks) {
      if (typeof c.setParams === 'function') c.setParams(params);
      else (c as { params?: TrainingParams }).params = params;
    }
  }

  async call<H extends HookName>(hook: H, ...args: Parameters<CallbackHooks[H]>): Promise<void> {
    for (const c of this.callbacks) {
      const fn = c[hook] as ((...a: unknown[]) => void | Promise<void>) | undefined;
      if (fn) await fn.apply(c, args);
    }
  }
}

export function toCallbackList(cbs: CallbackLike | CallbackLike[] | undefined, extra: CallbackLike[] = []): CallbackList {
  const list = cbs === undefined ? [] : Array.isArray(cbs) ? cbs : [cbs];
  return new CallbackList([...list, ...extra]);
}
